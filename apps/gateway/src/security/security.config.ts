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

/**
 * The largest BODY_LIMIT: an upload travels on to a service as one NATS message, an Excel file
 * as base64 (4/3 of its size) in a JSON envelope, and NATS refuses messages over its
 * max_payload (8 MB in infra/nats/nats.conf): 5 MB × 4/3 plus the envelope stays below.
 */
export const MAX_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

export function readSecurityConfig(r: EnvReader): SecurityConfig {
  const bodyLimit = r.string('BODY_LIMIT', '100kb');
  const size = /^(\d+)(b|kb|mb)$/i.exec(bodyLimit);
  if (!size) r.problem(`BODY_LIMIT must be a size such as 100kb or 1mb, got "${bodyLimit}"`);
  else if (Number(size[1]) * UNIT_BYTES[size[2]!.toLowerCase()]! > MAX_BODY_LIMIT_BYTES) {
    r.problem(`BODY_LIMIT must be at most 5mb (requests reach the services as NATS messages of at most 8 MB), got "${bodyLimit}"`);
  }
  return {
    bodyLimit,
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 600, { min: 1 }),
    loginRateLimitPerMinute: r.int('LOGIN_RATE_LIMIT_PER_MINUTE', 10, { min: 1 }),
    trustProxy: r.int('TRUST_PROXY', 0, { min: 0, max: 10 }),
  };
}
