import type { EnvReader } from '@genq/service-kit';

export interface SecurityConfig {
  /** Largest JSON body accepted (`BODY_LIMIT`, e.g. 100kb). */
  bodyLimit: string;
  /** Requests per client and minute on every route (`RATE_LIMIT_PER_MINUTE`). */
  rateLimitPerMinute: number;
  /** Login and refresh attempts per client and minute (`LOGIN_RATE_LIMIT_PER_MINUTE`). */
  loginRateLimitPerMinute: number;
  /**
   * Express `trust proxy` (`TRUST_PROXY`): the number of reverse proxies in front of the
   * gateway, so rate limits count the client's address from X-Forwarded-For, not the proxy's.
   */
  trustProxy: number;
}

export function readSecurityConfig(r: EnvReader): SecurityConfig {
  const bodyLimit = r.string('BODY_LIMIT', '100kb');
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) r.problem(`BODY_LIMIT must be a size such as 100kb or 1mb, got "${bodyLimit}"`);
  return {
    bodyLimit,
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 600, { min: 1 }),
    loginRateLimitPerMinute: r.int('LOGIN_RATE_LIMIT_PER_MINUTE', 10, { min: 1 }),
    trustProxy: r.int('TRUST_PROXY', 0, { min: 0, max: 10 }),
  };
}
