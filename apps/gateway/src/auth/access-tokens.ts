import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../tokens';

/** Whom a valid access token names: a local session, or an identity of the OpenID Connect provider. */
export type TokenSubject =
  | { kind: 'local'; accountId: string; sessionId: string }
  | { kind: 'oidc'; email: string; subject: string; issuer: string };

/** Why a token was refused; only ever shown as a 401, never with the details. */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Short-lived access tokens. Locally: HS256 JWTs naming the account and the session,
 * with issuer, audience and expiry; verification accepts HS256 only (no `alg: none`, no
 * algorithm confusion). With `AUTH_MODE=oidc`: the provider's tokens, checked against its
 * published keys (asymmetric algorithms only), issuer and audience.
 */
@Injectable()
export class AccessTokens {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.secret = new TextEncoder().encode(config.auth.jwtSecret);
    if (config.auth.oidc) this.jwks = createRemoteJWKSet(new URL(config.auth.oidc.jwksUrl), { cooldownDuration: 30_000 });
  }

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  /** Signs the access token of a local session; it carries no personal data, only ids. */
  sign(accountId: string, sessionId: string): Promise<string> {
    const { issuer, audience } = this.config.auth;
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(accountId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  async verify(token: string): Promise<TokenSubject> {
    try {
      return this.config.auth.mode === 'oidc' ? await this.verifyOidc(token) : await this.verifyLocal(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw err;
      if (err instanceof errors.JOSEError) throw new InvalidTokenError(err.code);
      throw new InvalidTokenError('malformed');
    }
  }

  private async verifyLocal(token: string): Promise<TokenSubject> {
    const { payload } = await jwtVerify(token, this.secret, {
      algorithms: ['HS256'],
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const sid = payload.sid;
    if (typeof payload.sub !== 'string' || typeof sid !== 'string') throw new InvalidTokenError('claims');
    return { kind: 'local', accountId: payload.sub, sessionId: sid };
  }

  private async verifyOidc(token: string): Promise<TokenSubject> {
    const oidc = this.config.auth.oidc!;
    const { payload } = await jwtVerify(token, this.jwks!, {
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
      issuer: oidc.issuer,
      audience: oidc.audience,
      requiredClaims: ['sub', 'exp'],
    });
    const email = claim(payload, oidc.emailClaim);
    if (typeof email !== 'string' || typeof payload.sub !== 'string') throw new InvalidTokenError('claims');
    if (oidc.requireVerifiedEmail && payload.email_verified !== true) throw new InvalidTokenError('email not verified');
    return { kind: 'oidc', email, subject: payload.sub, issuer: oidc.issuer };
  }
}

function claim(payload: JWTPayload, name: string): unknown {
  return (payload as Record<string, unknown>)[name];
}
