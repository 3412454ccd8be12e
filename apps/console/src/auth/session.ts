/**
 * The signed-in session of the console. The access token lives only in memory (a script
 * injected into the page cannot find it in storage after a reload); the refresh token and
 * the user live in sessionStorage, so a reload or a second request in the same tab renews
 * the access token without a new login, and closing the tab ends it. One refresh at a time:
 * refresh tokens work once, so two concurrent refreshes would end the session.
 */
import type { AccountDto } from '@genq/contracts';

/** The part of the signed-in account (`user` of the token response) the console reads. */
export type SessionUser = Pick<AccountDto, 'id' | 'email' | 'displayName' | 'role' | 'programmeIds' | 'organisationId' | 'canSign'>;

interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: SessionUser;
}

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

  constructor(
    private readonly apiUrl: string,
    private readonly storage: StorageLike,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => number = Date.now,
  ) {}

  get user(): SessionUser | undefined {
    return this.stored()?.user;
  }

  /** A session exists whose refresh token has not expired. */
  isSignedIn(): boolean {
    const s = this.stored();
    return Boolean(s && Date.parse(s.refreshExpiresAt) > this.now());
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const res = await this.post('/auth/login', { email, password });
    if (!res.ok) throw new AuthError(res.status, `login answered ${res.status}`);
    return this.keep((await res.json()) as TokenResponse);
  }

  /** Ends the session on the server too (its access tokens stop working at once); never fails. */
  async logout(): Promise<void> {
    const s = this.stored();
    this.clear();
    if (!s) return;
    try {
      await this.post('/auth/logout', { refreshToken: s.refreshToken });
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
    const res = await this.post('/auth/refresh', { refreshToken: s.refreshToken });
    if (res.status === 401) {
      this.clear();
      throw new AuthError(401, 'the session has ended');
    }
    if (!res.ok) throw new AuthError(res.status, `refresh answered ${res.status}`);
    await this.keep((await res.json()) as TokenResponse);
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

  private post(path: string, body: unknown): Promise<Response> {
    return this.fetchFn(`${this.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }
}
