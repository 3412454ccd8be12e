import { InvalidTokenError, type AccessTokens, type TokenSubject } from './access-tokens';
import type { GatewayRequest } from './request-context';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/** What the throttler verified, for the policy guard to reuse instead of verifying the same token twice. */
export interface VerifiedBearer {
  token: string;
  subject: TokenSubject | null;
}

export interface ThrottledRequest extends GatewayRequest {
  verifiedBearer?: VerifiedBearer;
}

/**
 * Verifies the request's bearer token once (signature, issuer, audience, expiry; no database)
 * and remembers the answer on the request. Null for no token or one that does not verify.
 */
export async function verifiedBearer(tokens: AccessTokens, req: ThrottledRequest): Promise<VerifiedBearer | null> {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) return null;
  const token = match[1]!;
  if (req.verifiedBearer?.token === token) return req.verifiedBearer;
  let subject: TokenSubject | null;
  try {
    subject = await tokens.verify(token);
  } catch (err) {
    if (!(err instanceof InvalidTokenError)) throw err;
    subject = null;
  }
  req.verifiedBearer = { token, subject };
  return req.verifiedBearer;
}
