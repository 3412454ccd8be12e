import 'reflect-metadata';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import request from 'supertest';
import { GatewayModule } from '../src/app.module';
import { createGateway, GLOBAL_PREFIX } from '../src/bootstrap';
import { readGatewayConfig, type GatewayConfig } from '../src/config';
import { routeCatalogue } from '../src/auth/route-catalogue';
import { JSON_LIMITS } from '../src/security/json-limits';
import { closedPort } from '../src/detached';

/**
 * The gateway's own defences, with nothing behind it: every check here happens before a
 * service is asked (NATS_URL, the way to the services, points at a closed port). What needs a session,
 * a database or the whole stack is proved in e2e/test/authorisation.e2e-spec.ts.
 */
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

async function testConfig(over: Record<string, string> = {}): Promise<GatewayConfig> {
  const closed = String(await closedPort());
  return readGatewayConfig({
    AUTH_JWT_SECRET: SECRET,
    NATS_URL: `nats://127.0.0.1:${closed}`,
    TEMPORAL_ADDRESS: `127.0.0.1:${closed}`,
    CORS_ORIGINS: 'https://console.genq.example',
    BODY_LIMIT: '2kb',
    LOGIN_RATE_LIMIT_PER_MINUTE: '4',
    // One proxy in front: the client address comes from X-Forwarded-For, so tests can be different clients.
    TRUST_PROXY: '1',
    ...over,
  });
}

const key = new TextEncoder().encode(SECRET);
const token = (claims: Record<string, unknown> = {}, opts: { secret?: Uint8Array; exp?: string | number; iss?: string; aud?: string; sub?: string } = {}) =>
  new SignJWT({ sid: '9f1f3c56-2a5c-4d3e-9c1b-1d2e3f4a5b6c', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(opts.sub ?? '0b7e6d1c-8a4f-4f2e-9b3a-2c1d0e9f8a7b')
    .setIssuer(opts.iss ?? 'genq')
    .setAudience(opts.aud ?? 'genq-api')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(opts.secret ?? key);

describe('gateway: the gates in front of every route', () => {
  let app: INestApplication;
  let config: GatewayConfig;

  beforeAll(async () => {
    config = await testConfig();
    app = await createGateway(config);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every route from the application, and every one declares a policy or is public', () => {
    const { routes, served } = routeCatalogue(app, GLOBAL_PREFIX);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.public && !r.policy).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
    // Nothing is served that the controllers do not declare, except the API documentation.
    const declared = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const docs = /^\/api\/docs(-json|-yaml)?(\/.*)?$/;
    expect(served.filter((r) => !declared.has(`${r.method} ${r.path}`) && !docs.test(r.path))).toEqual([]);
    // Public on purpose: health, the credential routes, and certificate verification (anyone may check a certificate).
    expect(routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/certificates/verify/:code',
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/refresh',
    ]);
  });

  it('refuses a route that declares no policy, before looking at any token', async () => {
    @Controller('undeclared')
    class UndeclaredController {
      @Get()
      secret() {
        return { leaked: true };
      }
    }
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forRoot(config)], controllers: [UndeclaredController] }).compile();
    const bare = moduleRef.createNestApplication();
    bare.setGlobalPrefix(GLOBAL_PREFIX);
    await bare.init();
    try {
      const res = await request(bare.getHttpServer()).get('/api/undeclared').set('Authorization', `Bearer ${await token()}`);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ status: 403, code: 'route.no_policy' });
      expect(res.body).not.toHaveProperty('leaked');
    } finally {
      await bare.close();
    }
  });

  describe('access tokens', () => {
    const me = (authorization?: string) => {
      const r = request(app.getHttpServer()).get('/api/auth/me');
      return authorization === undefined ? r : r.set('Authorization', authorization);
    };

    it('asks for a token, with WWW-Authenticate', async () => {
      const res = await me();
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="genq", error="invalid_request"');
      expect(res.body).toMatchObject({ status: 401, code: 'auth.required', type: 'https://genq.de/problems/auth.required' });
      expect((await me('Basic YWRtaW46YWRtaW4=')).body).toMatchObject({ status: 401, code: 'auth.required' });
      expect((await me('Bearer ')).body).toMatchObject({ status: 401, code: 'auth.required' });
    });

    it('says the same refusal in German by default and in English when asked, as application/problem+json', async () => {
      const german = await me();
      expect(german.status).toBe(401);
      expect(german.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(german.headers['content-language']).toBe('de');
      expect(german.body).toEqual({
        type: 'https://genq.de/problems/auth.required',
        title: 'Bitte melden Sie sich an. Ihre Sitzung ist beendet oder hat noch nicht begonnen.',
        status: 401,
        code: 'auth.required',
        detail: 'Bitte melden Sie sich an. Ihre Sitzung ist beendet oder hat noch nicht begonnen.',
        requestId: german.headers['x-request-id'],
      });
      const english = await me().set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.5');
      expect(english.status).toBe(401);
      expect(english.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(english.headers['content-language']).toBe('en');
      expect(english.headers['www-authenticate']).toBe('Bearer realm="genq", error="invalid_request"');
      expect(english.body).toMatchObject({ code: 'auth.required', detail: 'Sign in required, or the session has ended.' });
      // A language the API does not speak gets German.
      expect((await me().set('Accept-Language', 'fr')).headers['content-language']).toBe('de');
    });

    it.each([
      ['garbage', async () => 'not.a.token'],
      ['signed with another secret', async () => token({}, { secret: new TextEncoder().encode('another-secret-of-at-least-32-characters!') })],
      ['expired', async () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
      ['for another audience', async () => token({}, { aud: 'someone-else' })],
      ['from another issuer', async () => token({}, { iss: 'evil' })],
      ['without a session', async () => token({ sid: undefined })],
      [
        'with a tampered payload',
        async () => {
          const [h, , s] = (await token()).split('.');
          const payload = Buffer.from(JSON.stringify({ sub: 'admin', sid: 'x', iss: 'genq', aud: 'genq-api', exp: 9999999999, iat: 1 })).toString('base64url');
          return `${h}.${payload}.${s}`;
        },
      ],
      [
        'unsigned (alg none)',
        async () => {
          const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'admin', sid: 'x', iss: 'genq', aud: 'genq-api', exp: 9999999999, iat: 1 })}.`;
        },
      ],
    ])('refuses a token %s with 401, before any service is asked', async (_name, make) => {
      const res = await me(`Bearer ${await make()}`);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      expect(res.body).toMatchObject({ status: 401, code: 'auth.required' });
    });
  });

  describe('hostile bodies', () => {
    const login = () => request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.9');
    // A client of its own for each call that passes the rate limit of the credential routes.
    let client = 0;
    const fresh = () => `198.51.100.${++client}`;
    /** The gateway with the default body limit (the suite's is 2kb, too small for deep bodies). */
    let roomy: INestApplication;
    beforeAll(async () => {
      roomy = await createGateway(await testConfig({ BODY_LIMIT: '5mb' }));
      await roomy.init();
    });
    afterAll(async () => {
      await roomy?.close();
    });

    it('answers malformed JSON with 400 as a problem, without a stack trace', async () => {
      const res = await request(app.getHttpServer()).post('/api/auth/refresh').set('Content-Type', 'application/json').send('{"refreshToken": "x",');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'request.body_not_json', requestId: expect.any(String) });
      expect(res.text).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
    });

    it('answers a body over the limit with 413', async () => {
      const res = await request(app.getHttpServer())
        .post('/api/auth/refresh')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ refreshToken: 'x'.repeat(4096) }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 413, code: 'request.body_too_large' });
      expect(res.text).not.toMatch(/node_modules|PayloadTooLargeError/);
    });

    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const arrays = (depth: number) => `{"values":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    it.each([
      ['objects 5,000 deep', nested(5000)],
      ['objects 500 deep', nested(500)],
      ['arrays 1,000 deep', arrays(1000)],
      ['one level over the limit', nested(JSON_LIMITS.maxDepth + 1)],
    ])('refuses a body nested %s before any route or sign-in, naming the limits', async (_name, body) => {
      for (const route of ['/api/saved-views', '/api/auth/refresh']) {
        const res = await request(roomy.getHttpServer()).post(route).set('Content-Type', 'application/json').send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'request.body_too_complex', params: { maxDepth: JSON_LIMITS.maxDepth, maxKeys: JSON_LIMITS.maxKeys } });
      }
      const put = await request(roomy.getHttpServer()).put('/api/quarters/0b7e6d1c-8a4f-4f2e-9b3a-2c1d0e9f8a7b/indicators').set('Content-Type', 'application/json').send(body);
      expect(put.body.code).toBe('request.body_too_complex');
    });

    it('says the limits in German by default and in English when asked', async () => {
      const de = await request(app.getHttpServer()).post('/api/saved-views').set('Content-Type', 'application/json').send(nested(100));
      expect(de.body.detail).toBe(`Der Inhalt der Anfrage ist zu tief verschachtelt oder hat zu viele Einträge (höchstens ${JSON_LIMITS.maxDepth} Ebenen, ${JSON_LIMITS.maxKeys} Einträge).`);
      const en = await request(app.getHttpServer()).post('/api/saved-views').set('Accept-Language', 'en').set('Content-Type', 'application/json').send(nested(100));
      expect(en.body.detail).toBe(`The request body is nested too deeply or has too many entries (at most ${JSON_LIMITS.maxDepth} levels, ${JSON_LIMITS.maxKeys} entries).`);
    });

    it('refuses a body with more members than the limit, and lets a body at the depth limit through to the route', async () => {
      const wide = JSON.stringify(Object.fromEntries(Array.from({ length: JSON_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, 0])));
      const res = await request(roomy.getHttpServer()).post('/api/auth/refresh').set('Content-Type', 'application/json').send(wide);
      expect(res.body.code).toBe('request.body_too_complex');
      // At the limit the body is parsed and reaches validation (no such field), not the depth check.
      const deep = await request(roomy.getHttpServer()).post('/api/auth/refresh').set('X-Forwarded-For', fresh()).set('Content-Type', 'application/json').send(`{"refreshToken":"x","b":${nested(JSON_LIMITS.maxDepth - 1)}}`);
      expect(deep.status).toBe(400);
      expect(deep.body.code).toBe('request.invalid');
      expect(deep.body.errors).toEqual([expect.objectContaining({ field: 'b', code: 'validation.whitelistValidation' })]);
      // Brackets and colons inside strings are text, not structure.
      const text = await request(roomy.getHttpServer()).post('/api/auth/refresh').set('X-Forwarded-For', fresh()).set('Content-Type', 'application/json').send({ refreshToken: `${'[{:'.repeat(2000)}\\"` });
      expect(text.body.code).not.toBe('request.body_too_complex');
    });

    it('refuses a missing body on a route that reads one, and a body no parser reads', async () => {
      const missing = await request(app.getHttpServer()).post('/api/auth/refresh').set('X-Forwarded-For', fresh());
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ code: 'request.body_missing' });
      const plain = await request(app.getHttpServer()).post('/api/auth/refresh').set('Content-Type', 'text/plain').send('refreshToken=x');
      expect(plain.status).toBe(400);
      expect(plain.body.code).toBe('request.body_not_json');
      const form = await request(app.getHttpServer()).post('/api/saved-views').type('form').send({ a: '1' });
      expect(form.body.code).toBe('request.body_not_json');
      for (const top of ['"text"', '42', 'null']) {
        const res = await request(app.getHttpServer()).post('/api/auth/refresh').set('Content-Type', 'application/json').send(top);
        expect(res.body.code).toBe('request.body_not_json');
      }
    });

    it('rejects unknown fields and wrong types with a code per field', async () => {
      const res = await request(app.getHttpServer())
        .post('/api/auth/refresh')
        .set('X-Forwarded-For', fresh())
        .send({ refreshToken: { $ne: null }, admin: true, __proto__: { polluted: true } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'request.invalid' });
      expect(Object.fromEntries(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]))).toEqual({
        admin: 'validation.whitelistValidation',
        refreshToken: 'validation.isString',
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('hides internals of a failing service behind a plain 503', async () => {
      const res = await request(app.getHttpServer()).post('/api/auth/refresh').set('X-Forwarded-For', fresh()).send({ refreshToken: 'abc' });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, code: 'service.unavailable', requestId: expect.any(String) });
      // A client may send it again: the production profile's fault test retries on exactly this.
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).not.toHaveProperty('params');
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|actors/);
    });

    it('limits login attempts per address, more strictly than other routes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login().send({ email: 'a@b.example', password: 'x' })).status);
      expect(statuses).not.toContain(429);
      // The limit spans the credential routes together: refresh is refused too now.
      const limited = await request(app.getHttpServer()).post('/api/auth/refresh').set('X-Forwarded-For', '203.0.113.9').send({ refreshToken: 'x' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ status: 429, code: 'request.too_many', params: { retryAfter: Number(limited.headers['retry-after']) } });
      // Other clients, and other routes of this client, still get through.
      expect((await request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.10').send({ email: 'a@b.example', password: 'x' })).status).not.toBe(429);
      expect((await request(app.getHttpServer()).get('/api/auth/me').set('X-Forwarded-For', '203.0.113.9')).status).toBe(401);
    });
  });

  describe('rate limits per signed-in user', () => {
    // Three requests a minute on every route, two on the credential routes: small enough to reach here.
    let limited: INestApplication;
    const ALICE = '6a0f7c3e-1d2b-4c5a-8e9f-0a1b2c3d4e5f';
    const BOB = '7b1e8d4f-2e3c-4d6b-9f0a-1b2c3d4e5f60';
    const CAROL = '8c2f9e50-3f4d-4e7c-a01b-2c3d4e5f6071';
    const get = (address: string, bearer?: string) => {
      const r = request(limited.getHttpServer()).get('/api/auth/me').set('X-Forwarded-For', address);
      return bearer === undefined ? r : r.set('Authorization', `Bearer ${bearer}`);
    };
    const statuses = async (n: number, address: string, bearer?: string): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await get(address, bearer)).status);
      return out;
    };

    beforeAll(async () => {
      limited = await createGateway(await testConfig({ RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '2' }));
      await limited.init();
    });
    afterAll(async () => {
      await limited?.close();
    });

    it("gives two users behind one address a budget each, and anonymous requests the address's own", async () => {
      const office = '198.51.100.7';
      const [alice, bob] = await Promise.all([token({}, { sub: ALICE }), token({}, { sub: BOB })]);
      // Nothing answers behind this gateway: a valid token gets as far as asking the actors service (503).
      expect(await statuses(3, office, alice)).toEqual([503, 503, 503]);
      const spent = await get(office, alice);
      expect(spent.status).toBe(429);
      expect(spent.body).toMatchObject({ status: 429, code: 'request.too_many' });
      expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
      // A colleague at the same address has a budget of their own, and Alice's is spent wherever she is.
      expect(await statuses(3, office, bob)).toEqual([503, 503, 503]);
      expect((await get('198.51.100.99', alice)).status).toBe(429);
      // Without sign-in the address is the client: its budget is untouched by its users, then spent.
      expect(await statuses(3, office)).toEqual([401, 401, 401]);
      expect((await get(office)).status).toBe(429);
      // A signed-in user is not held back by the anonymous traffic of their address.
      expect((await get(office, await token({}, { sub: CAROL }))).status).toBe(503);
    });

    it("counts a token that does not verify against its address, so nobody can spend another user's budget", async () => {
      const stranger = '198.51.100.20';
      const erin = '0e4b1a72-5b6f-4a9e-8c3d-4e5f60718293';
      const forged = await token({}, { sub: erin, secret: new TextEncoder().encode('another-secret-of-at-least-32-characters!') });
      const expired = await token({}, { sub: erin, exp: Math.floor(Date.now() / 1000) - 60 });
      expect([...(await statuses(2, stranger, forged)), ...(await statuses(1, stranger, expired))]).toEqual([401, 401, 401]);
      expect((await get(stranger, forged)).status).toBe(429);
      // Erin's own budget is whole, at the very same address.
      expect(await statuses(3, stranger, await token({}, { sub: erin }))).toEqual([503, 503, 503]);
    });

    it('limits the credential routes by address even for a request that carries a valid token', async () => {
      const kiosk = '198.51.100.30';
      const login = (bearer?: string) => {
        const r = request(limited.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', kiosk);
        return (bearer ? r.set('Authorization', `Bearer ${bearer}`) : r).send({ email: 'a@b.example', password: 'x' });
      };
      const dave = await token({}, { sub: '9d3a0f61-4a5e-4f8d-b12c-3d4e5f607182' });
      expect([(await login(dave)).status, (await login(dave)).status]).not.toContain(429);
      // The two attempts counted against the address: an attempt without a token is refused now.
      expect((await login()).status).toBe(429);
    });
  });

  describe('headers', () => {
    it('sends security headers and never caches API answers', async () => {
      const res = await request(app.getHttpServer()).get('/api/auth/me');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('gives every answer a request id, keeping a well-formed one from the caller', async () => {
      const own = await request(app.getHttpServer()).get('/api/auth/me').set('X-Request-Id', 'console-1234-abcd');
      expect(own.headers['x-request-id']).toBe('console-1234-abcd');
      const forged = await request(app.getHttpServer()).get('/api/auth/me').set('X-Request-Id', 'x\r\nSet-Cookie: a=b'.replace(/\r\n/g, ' '));
      expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('allows only the configured origins', async () => {
      const allowed = await request(app.getHttpServer()).options('/api/quarters').set('Origin', 'https://console.genq.example').set('Access-Control-Request-Method', 'GET');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://console.genq.example');
      expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
      const other = await request(app.getHttpServer()).options('/api/quarters').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves the API documentation without sign-in, under the security headers', async () => {
      const res = await request(app.getHttpServer()).get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers unknown routes with a plain 404', async () => {
      const res = await request(app.getHttpServer()).get('/api/does-not-exist');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body).toMatchObject({ status: 404, code: 'route.not_found' });
    });
  });

  describe('configuration', () => {
    it('requires a strong AUTH_JWT_SECRET for local login', () => {
      expect(() => readGatewayConfig({})).toThrow(/AUTH_JWT_SECRET is required/);
      expect(() => readGatewayConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
      expect(() => readGatewayConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER is required[\s\S]*OIDC_AUDIENCE is required[\s\S]*OIDC_JWKS_URL is required/);
    });

    it('keeps BODY_LIMIT within what one NATS message carries to a service', () => {
      expect(readGatewayConfig({ AUTH_JWT_SECRET: SECRET, BODY_LIMIT: '5mb' }).security.bodyLimit).toBe('5mb');
      expect(() => readGatewayConfig({ AUTH_JWT_SECRET: SECRET, BODY_LIMIT: '6mb' })).toThrow(/BODY_LIMIT must be at most 5mb/);
      expect(() => readGatewayConfig({ AUTH_JWT_SECRET: SECRET, NATS_URL: 'http://nats:4222' })).toThrow(/NATS_URL must be nats:\/\/ URLs/);
    });
  });
});
