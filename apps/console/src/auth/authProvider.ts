import { HttpError, type AuthProvider } from 'react-admin';
import { canAccess } from './access';
import { AuthError, Session } from './session';

export const apiUrl = (import.meta.env.VITE_API_URL ?? '/api').replace(/\/+$/, '');

/** The console's one session (per browser tab). */
export const session = new Session(apiUrl, window.sessionStorage);

/**
 * react-admin's view of the session. A 401 that survives one refresh ends the session
 * and shows the login page; a 403 keeps the user signed in (they may do other things).
 */
export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    await session.login(email, password);
  },
  async logout() {
    await session.logout();
  },
  async checkAuth() {
    if (!session.isSignedIn()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const user = session.user;
    if (!user) throw new Error('not signed in');
    return { id: user.id, fullName: user.displayName };
  },
  async getPermissions() {
    return session.user?.role;
  },
  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canAccess(session.user?.role, resource, action);
  },
};

/** Turns a failed refresh into the 401 react-admin's checkError understands. */
export async function bearer(): Promise<string> {
  try {
    return await session.accessToken();
  } catch (err) {
    if (err instanceof AuthError) throw new HttpError('ra.notification.logged_out', err.status === 401 ? 401 : err.status);
    throw err;
  }
}
