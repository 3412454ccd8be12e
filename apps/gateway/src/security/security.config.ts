import type { EnvReader } from '@genq/service-kit';

export interface SecurityConfig {
  /** Largest JSON body accepted (`BODY_LIMIT`, e.g. 100kb). */
  bodyLimit: string;
  /** Largest file the bulk import of quarters accepts (`IMPORT_BODY_LIMIT`, e.g. 2mb; at most 5mb like BODY_LIMIT). */
  importBodyLimit: string;
  /** Requests per signed-in user (per client address before sign-in) and minute on every route (`RATE_LIMIT_PER_MINUTE`). */
  rateLimitPerMinute: number;
  /** Login, refresh and logout attempts per client address and minute (`LOGIN_RATE_LIMIT_PER_MINUTE`). */
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
  const limit = (name: string, fallback: string): string => {
    const value = r.string(name, fallback);
    const size = /^(\d+)(b|kb|mb)$/i.exec(value);
    if (!size) r.problem(`${name} must be a size such as 100kb or 1mb, got "${value}"`);
    else if (Number(size[1]) * UNIT_BYTES[size[2]!.toLowerCase()]! > MAX_BODY_LIMIT_BYTES) {
      r.problem(`${name} must be at most 5mb (requests reach the services as NATS messages of at most 8 MB), got "${value}"`);
    }
    return value;
  };
  return {
    bodyLimit: limit('BODY_LIMIT', '100kb'),
    // 1,000 quarters are about 150 kB of CSV; 2 MB holds the largest file the import accepts (5,000 rows).
    importBodyLimit: limit('IMPORT_BODY_LIMIT', '2mb'),
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 600, { min: 1 }),
    loginRateLimitPerMinute: r.int('LOGIN_RATE_LIMIT_PER_MINUTE', 10, { min: 1 }),
    trustProxy: r.int('TRUST_PROXY', 0, { min: 0, max: 10 }),
  };
}
