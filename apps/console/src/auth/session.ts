/**
 * The signed-in session of the console. The access token lives only in memory (a script
 * injected into the page cannot find it in storage after a reload); the refresh token and
 * the user live in sessionStorage, so a reload or a second request in the same tab renews
 * the access token without a new login, and closing the tab ends it. One refresh at a time:
 * refresh tokens work once, so two concurrent refreshes would end the session.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../api/schema';

type TokenResponse = components['schemas']['TokenResponse'];

/** The part of the signed-in account (`user` of the token response) the console reads. */
export type SessionUser = Pick<TokenResponse['user'], 'id' | 'email' | 'displayName' | 'role' | 'programmeIds' | 'organisationId' | 'canSign'>;

interface Stored {
  refreshToken: string;
  refreshExpiresAt: string;
  user: SessionUser;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A refused or failed login, with the gateway's status: 401 wrong credentials or locked, 429 too many attempts. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

const KEY = 'genq.session';
/** Renew this long before the access token expires, so no request goes out with a dying token. */
const RENEW_BEFORE_MS = 30_000;

export class Session {
  private access?: { token: string; expiresAt: number };
  private refreshing?: Promise<string>;
  /** The typed client without a token: these are the calls that get one. */
  private readonly api: ReturnType<typeof createClient<paths>>;

  constructor(
    apiUrl: string,
    private readonly storage: StorageLike,
    fetchFn: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => number = Date.now,
  ) {
    // The document's paths start with /api.
    this.api = createClient<paths>({ baseUrl: apiUrl.replace(/\/api$/, ''), fetch: fetchFn, headers: { Accept: 'application/json' } });
  }

  get user(): SessionUser | undefined {
    return this.stored()?.user;
  }

  /** A session exists whose refresh token has not expired. */
  isSignedIn(): boolean {
    const s = this.stored();
    return Boolean(s && Date.parse(s.refreshExpiresAt) > this.now());
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const { data, response } = await this.api.POST('/api/auth/login', { body: { email, password } });
    if (!data) throw new AuthError(response.status, `login answered ${response.status}`);
    return this.keep(data);
  }

  /** Ends the session on the server too (its access tokens stop working at once); never fails. */
  async logout(): Promise<void> {
    const s = this.stored();
    this.clear();
    if (!s) return;
    try {
      await this.api.POST('/api/auth/logout', { body: { refreshToken: s.refreshToken } });
    } catch {
      // Offline: the refresh token is gone from this tab either way and expires on the server.
    }
  }

  /** A valid access token, renewed through the refresh token when missing or about to expire. */
  async accessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - RENEW_BEFORE_MS > this.now()) return this.access.token;
    return this.refresh();
  }

  /** Exchanges the refresh token for the next one and a new access token; concurrent callers share one exchange. */
  refresh(): Promise<string> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  clear(): void {
    this.access = undefined;
    this.storage.removeItem(KEY);
  }

  private async exchange(): Promise<string> {
    const s = this.stored();
    if (!s) throw new AuthError(401, 'not signed in');
    const { data, response } = await this.api.POST('/api/auth/refresh', { body: { refreshToken: s.refreshToken } });
    if (response.status === 401) {
      this.clear();
      throw new AuthError(401, 'the session has ended');
    }
    if (!data) throw new AuthError(response.status, `refresh answered ${response.status}`);
    this.keep(data);
    return this.access!.token;
  }

  private keep(t: TokenResponse): SessionUser {
    this.access = { token: t.accessToken, expiresAt: this.now() + t.expiresIn * 1000 };
    const stored: Stored = { refreshToken: t.refreshToken, refreshExpiresAt: t.refreshExpiresAt, user: t.user };
    this.storage.setItem(KEY, JSON.stringify(stored));
    return t.user;
  }

  private stored(): Stored | undefined {
    const raw = this.storage.getItem(KEY);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as Stored;
    } catch {
      return undefined;
    }
  }
}
