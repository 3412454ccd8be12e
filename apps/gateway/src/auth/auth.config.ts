import type { EnvReader } from '@genq/service-kit';

export interface OidcConfig {
  /** `iss` of the provider's tokens, e.g. https://keycloak.example/realms/genq. */
  issuer: string;
  /** `aud` the tokens must carry (the client id of the GenQ API). */
  audience: string;
  /** The provider's JSON Web Key Set, e.g. <issuer>/protocol/openid-connect/certs. */
  jwksUrl: string;
  /** Claim holding the e-mail address that names the GenQ account. */
  emailClaim: string;
  /** Accept only tokens whose `email_verified` claim is true. */
  requireVerifiedEmail: boolean;
}

export interface AuthConfig {
  /** `local`: GenQ's own login; `oidc`: an OpenID Connect provider signs the access tokens. */
  mode: 'local' | 'oidc';
  /** HMAC key of local access tokens (`AUTH_JWT_SECRET`, at least 32 characters). */
  jwtSecret: string;
  issuer: string;
  audience: string;
  /** Lifetime of a local access token; refresh tokens renew it. */
  accessTokenTtlSeconds: number;
  /**
   * How long a resolved principal (session and account checked by the actors service) is reused
   * (`AUTH_PRINCIPAL_CACHE_MS`, default 5,000; 0: ask on every request). A write through this
   * gateway empties the cache at once; a change through another replica counts after this time.
   */
  principalCacheMs: number;
  /** The most principals kept (`AUTH_PRINCIPAL_CACHE_ENTRIES`, default 10,000): the oldest go first. */
  principalCacheEntries: number;
  oidc?: OidcConfig;
}

/** `AUTH_*` and `OIDC_*`: secrets come only from the environment, never from the repository. */
export function readAuthConfig(r: EnvReader): AuthConfig {
  const mode = r.oneOf('AUTH_MODE', ['local', 'oidc'] as const, 'local');
  const config: AuthConfig = {
    mode,
    jwtSecret: '',
    issuer: r.string('AUTH_JWT_ISSUER', 'genq'),
    audience: r.string('AUTH_JWT_AUDIENCE', 'genq-api'),
    accessTokenTtlSeconds: r.int('AUTH_ACCESS_TOKEN_TTL_SECONDS', 900, { min: 1, max: 3600 }),
    principalCacheMs: r.int('AUTH_PRINCIPAL_CACHE_MS', 5000, { min: 0, max: 60_000 }),
    principalCacheEntries: r.int('AUTH_PRINCIPAL_CACHE_ENTRIES', 10_000, { min: 1, max: 1_000_000 }),
  };
  if (mode === 'local') {
    config.jwtSecret = r.string('AUTH_JWT_SECRET');
    if (config.jwtSecret && config.jwtSecret.length < 32) r.problem('AUTH_JWT_SECRET must be at least 32 characters long');
  } else {
    config.oidc = {
      issuer: r.url('OIDC_ISSUER', ['https', 'http']),
      audience: r.string('OIDC_AUDIENCE'),
      jwksUrl: r.url('OIDC_JWKS_URL', ['https', 'http']),
      emailClaim: r.string('OIDC_EMAIL_CLAIM', 'email'),
      requireVerifiedEmail: r.bool('OIDC_REQUIRE_VERIFIED_EMAIL', true),
    };
  }
  return config;
}
