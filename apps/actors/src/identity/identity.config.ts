import { EnvReader } from '@genq/service-kit';

export interface BootstrapAdmin {
  email: string;
  password: string;
  displayName: string;
}

export interface IdentityConfig {
  /** Failed logins in a row that lock an account (`AUTH_LOCKOUT_THRESHOLD`). */
  lockoutThreshold: number;
  /** How long the lock lasts (`AUTH_LOCKOUT_SECONDS`). */
  lockoutSeconds: number;
  /** Lifetime of one refresh token (`AUTH_REFRESH_TTL_SECONDS`): a session unused this long ends. */
  refreshTtlSeconds: number;
  /** Absolute end of a login however often it is refreshed (`AUTH_SESSION_MAX_SECONDS`). */
  sessionMaxSeconds: number;
  /**
   * The first programme admin, created at start when no account exists yet
   * (`GENQ_BOOTSTRAP_ADMIN_EMAIL`, `GENQ_BOOTSTRAP_ADMIN_PASSWORD`, `GENQ_BOOTSTRAP_ADMIN_NAME`).
   */
  bootstrapAdmin?: BootstrapAdmin;
}

/** Reads the identity settings; the caller's `done()` reports every problem at once. */
export function readIdentityConfig(r: EnvReader): IdentityConfig {
  const email = r.optional('GENQ_BOOTSTRAP_ADMIN_EMAIL');
  const password = r.optional('GENQ_BOOTSTRAP_ADMIN_PASSWORD');
  if (Boolean(email) !== Boolean(password)) r.problem('GENQ_BOOTSTRAP_ADMIN_EMAIL and GENQ_BOOTSTRAP_ADMIN_PASSWORD must be set together');
  if (password !== undefined && password.length < 12) r.problem('GENQ_BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters long');
  return {
    lockoutThreshold: r.int('AUTH_LOCKOUT_THRESHOLD', 5, { min: 1, max: 100 }),
    lockoutSeconds: r.int('AUTH_LOCKOUT_SECONDS', 15 * 60, { min: 1, max: 24 * 3600 }),
    refreshTtlSeconds: r.int('AUTH_REFRESH_TTL_SECONDS', 8 * 3600, { min: 1, max: 30 * 24 * 3600 }),
    sessionMaxSeconds: r.int('AUTH_SESSION_MAX_SECONDS', 12 * 3600, { min: 1, max: 90 * 24 * 3600 }),
    ...(email && password
      ? { bootstrapAdmin: { email, password, displayName: r.string('GENQ_BOOTSTRAP_ADMIN_NAME', 'Programmstelle (Administration)') } }
      : {}),
  };
}

/** The defaults, for tests that start the service without an environment. */
export const defaultIdentityConfig = (): IdentityConfig => readIdentityConfig(new EnvReader({}));
