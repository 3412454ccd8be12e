import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, freePort, startStack, type Stack, freeStackPorts } from '@genq/infra';
import { apiClient, type Api } from './support/api';

/**
 * AUTH_MODE=oidc: an OpenID Connect provider (Keycloak, say) signs the access tokens and
 * GenQ checks them against the provider's published keys. The provider here is the
 * smallest real one: an HTTP server publishing a JSON Web Key Set, and RS256 tokens signed
 * with its private key. GenQ still decides what the person may do: the token's verified
 * e-mail address names the GenQ account.
 */
jest.setTimeout(10 * 60_000);

const ISSUER = 'http://127.0.0.1/realms/genq';
const AUDIENCE = 'genq-api';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

function rs256(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

describe('sign-in delegated to an OpenID Connect provider', () => {
  let dataDir: string;
  let stack: Stack;
  let api: Api;
  let jwks: Server;
  const provider = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'kc-user-1',
    email: DEMO_ADMIN.email,
    email_verified: true,
    iat: now(),
    exp: now() + 300,
    ...over,
  });

  beforeAll(async () => {
    const port = await freePort();
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...provider.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }));
    }).listen(port, '127.0.0.1');
    dataDir = mkdtempSync(join(tmpdir(), 'genq-oidc-'));
    stack = await startStack({
      dataDir,
      ports: await freeStackPorts(),
      withConsole: false,
      log: () => {},
      env: { AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: `http://127.0.0.1:${port}/protocol/openid-connect/certs` },
    });
    api = apiClient(stack.gatewayUrl);
  });

  afterAll(async () => {
    await stack?.stop();
    jwks?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("accepts the provider's token for the GenQ account of its verified e-mail address", async () => {
    const me = await api('GET', '/auth/me', { token: rs256(provider.privateKey, kid, claims()) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: DEMO_ADMIN.email, role: 'programme_admin' });
  });

  it.each([
    ['signed with another key', () => rs256(stranger.privateKey, kid, claims())],
    ['for another audience', () => rs256(provider.privateKey, kid, claims({ aud: 'another-client' }))],
    ['from another issuer', () => rs256(provider.privateKey, kid, claims({ iss: 'http://evil.example/realms/genq' }))],
    ['expired', () => rs256(provider.privateKey, kid, claims({ iat: now() - 600, exp: now() - 60 }))],
    ['with an unverified e-mail address', () => rs256(provider.privateKey, kid, claims({ email_verified: false }))],
    ['for someone without a GenQ account', () => rs256(provider.privateKey, kid, claims({ email: 'fremd@example.org' }))],
    [
      'signed HS256 with the local secret (algorithm confusion)',
      () => {
        const secret = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).authJwtSecret as string;
        const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
        return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
      },
    ],
  ])('refuses a token %s', async (_name, make) => {
    const refused = await api('GET', '/auth/me', { token: make() });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(refused.body).toMatchObject({ code: 'auth.required' });
  });

  it('has no local login, refresh or logout', async () => {
    const login = await api('POST', '/auth/login', { body: { email: DEMO_ADMIN.email, password: 'GenQ-Demo-2026!' } });
    expect(login.status).toBe(404);
    expect(login.body).toMatchObject({ code: 'auth.sign_in_delegated', detail: 'Die Anmeldung erfolgt über den OpenID-Connect-Anbieter.' });
    const refresh = await api('POST', '/auth/refresh', { body: { refreshToken: 'x' }, headers: { 'accept-language': 'en' } });
    expect(refresh).toMatchObject({ status: 404, body: { code: 'auth.sign_in_delegated', detail: 'Sign-in is delegated to the OpenID Connect provider.' } });
  });
});
