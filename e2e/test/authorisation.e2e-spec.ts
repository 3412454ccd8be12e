import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, ROOT, startStack, type Stack, type StackPorts, freeStackPorts } from '@genq/infra';
import type { Role, ScopeKind } from '@genq/contracts';
import { GLOBAL_PREFIX, createDetachedGateway, routeCatalogue, type RouteInfo } from '@genq/gateway';
import { ROUTE_CASES, type CaseContext } from './route-cases';
import { apiClient, callAs, fieldCodes, processStarted, signIn, type Api, type ApiResponse } from './support/api';
import { ScopeModel, type ModelUser } from './support/scope-model';

/**
 * Who may do what, proved on the running system (issue 7): the routes come from the
 * application itself, and every route is called by every role against a fixture of two
 * programmes and several organisations. The expected answer of each call follows from the
 * route's declared policy and an independent model of scope; any difference fails.
 */
jest.setTimeout(10 * 60_000);

const P1 = 'genq-nrw-2026';
const P2 = 'genq-nds-2026';
const calendar = JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

/** The routes and their policies, read from a gateway built in this process (it calls nothing). */
async function discoverRoutes(): Promise<{ routes: RouteInfo[]; served: Array<{ method: string; path: string }> }> {
  const app = await createDetachedGateway();
  app.useLogger(false);
  await app.init();
  try {
    return routeCatalogue(app, GLOBAL_PREFIX);
  } finally {
    await app.close();
  }
}

const base64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** An HS256 JWT made by hand: the test plays someone who knows (or guesses) how tokens look. */
function forge(secret: string, claims: Record<string, unknown>): string {
  const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/**
 * The programme of an audit export's row: the export names it, and this fixture names each
 * programme by its id, the PUT case of the route test as `Programm <id>`.
 */
const programmeOfCell = (cell: string | undefined) => (cell === undefined ? null : cell.replace(/^Programm /, ''));

/** Minimal RFC 4180 reader for the export (German: separated by semicolons). */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('who may do what, on every route', () => {
  let dataDir: string;
  let stack: Stack;
  let api: Api;
  let routes: RouteInfo[];
  let served: Array<{ method: string; path: string }>;
  const model = new ScopeModel();
  const users: Record<string, ModelUser & { token: string }> = {};
  let rootToken: string;
  const fixture: Record<string, string> = {};
  let counter = 0;
  const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;

  beforeAll(async () => {
    ({ routes, served } = await discoverRoutes());
    dataDir = mkdtempSync(join(tmpdir(), 'genq-authz-'));
    const ports: StackPorts = await freeStackPorts();
    stack = await startStack({
      dataDir,
      ports,
      withConsole: false,
      log: () => {},
      // Hundreds of calls from one address: the rate limits are proved in the gateway's own tests.
      env: { RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', AUTH_LOCKOUT_THRESHOLD: '3', AUTH_LOCKOUT_SECONDS: '3' },
    });
    api = apiClient(stack.gatewayUrl);

    // The first programme admin (created at start from GENQ_BOOTSTRAP_ADMIN_*) sets everything up.
    const root = await signIn(api, DEMO_ADMIN.email, DEMO_PASSWORD);
    rootToken = root.accessToken;
    const as = async (method: string, route: string, body: unknown, expected = 201) => {
      const res = await api(method, route, { token: rootToken, body });
      if (res.status !== expected) throw new Error(`set-up ${method} ${route}: ${res.status} ${res.text}`);
      return res;
    };
    for (const id of [P1, P2]) {
      await as('PUT', `/programmes/${id}`, { id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar }, 200);
      model.programmes.add(id);
    }
    for (const [key, name, programmeId] of [
      ['scharnhorst', 'Scharnhorst-Ost', P1],
      ['hoerde', 'Hörde Clarenberg', P1],
      ['sahlkamp', 'Hannover-Sahlkamp', P2],
    ] as const) {
      const res = await as('POST', '/quarters', { name, municipality: 'Teststadt', land: 'Nordrhein-Westfalen', housingCompany: 'HC', programmeId });
      fixture[key] = res.body.id;
      fixture[`${key}RequestId`] = res.headers.get('x-request-id')!;
      model.quarters.set(res.body.id, { programmeId });
    }
    // Their processes start a moment later (the worker, from actors' quarter.registered): the route cases read them.
    for (const key of ['scharnhorst', 'hoerde', 'sahlkamp']) await processStarted(callAs(api, rootToken), fixture[key]!);
    for (const [key, name, type, programmeId] of [
      ['dogewo', 'DOGEWO21', 'housing_company', P1],
      ['dortmund', 'Stadt Dortmund', 'municipality', P1],
      ['vonovia', 'Vonovia', 'housing_company', P1],
      ['begleitung', 'Quartiersbegleitung Ruhr', 'facilitation', P1],
      ['hanova', 'hanova', 'housing_company', P2],
    ] as const) {
      const res = await as('POST', '/organisations', { name, type, programmeId });
      fixture[key] = res.body.id;
      model.organisations.set(res.body.id, { programmeId });
    }
    for (const [quarter, org, role] of [
      ['scharnhorst', 'dogewo', 'lead_partner'],
      ['scharnhorst', 'dortmund', 'co_partner'],
      ['hoerde', 'vonovia', 'lead_partner'],
      ['hoerde', 'begleitung', 'facilitator'],
      ['sahlkamp', 'hanova', 'lead_partner'],
    ] as const) {
      await as('POST', `/quarters/${fixture[quarter]}/memberships`, { organisationId: fixture[org], role });
      model.memberships.push({ quarterId: fixture[quarter]!, organisationId: fixture[org]! });
    }
    const me = await api('GET', '/auth/me', { token: rootToken });
    model.accounts.set(me.body.id, { programmeIds: me.body.programmeIds, organisationId: null });

    const people: Array<[string, Role, string[], string | null]> = [
      ['admin', 'programme_admin', [P1], null],
      ['operator', 'operator', [P1], null],
      ['viewer', 'viewer', [P2], null],
      ['facilitator', 'facilitator', [], fixture.begleitung!],
      ['partner', 'partner', [], fixture.dogewo!],
      ['public-routes', 'viewer', [P1], null],
    ];
    for (const [key, role, programmeIds, organisationId] of people) {
      const email = `${key}@fixture.genq.example`;
      const res = await as('POST', '/accounts', {
        email,
        displayName: key,
        password: DEMO_PASSWORD,
        role,
        ...(programmeIds.length ? { programmeIds } : {}),
        ...(organisationId ? { organisationId } : {}),
      });
      model.accounts.set(res.body.id, { programmeIds, organisationId });
      if (key === 'public-routes') continue;
      const session = await signIn(api, email, DEMO_PASSWORD);
      users[key] = { key, email, id: res.body.id, role, programmeIds: [...programmeIds], organisationId, token: session.accessToken };
    }
    // Audit entries to read: the quarter registrations, one in each programme.
    const entries = await api('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'quarter.create' }))}`, { token: rootToken });
    for (const e of entries.body) model.auditEntries.set(String(e.id), { programmeId: e.programmeId });
  });

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

  it('derives the routes from the application: every route declares a policy and has a case in this test', () => {
    expect(routes.length).toBeGreaterThanOrEqual(22);
    const withoutPolicy = routes.filter((r) => !r.public && !r.policy).map((r) => `${routeKey(r)} (${r.handler}) declares no @Policy`);
    const withoutCase = routes.filter((r) => !ROUTE_CASES[routeKey(r)]).map((r) => `${routeKey(r)} has no case in e2e/test/route-cases.ts`);
    expect([...withoutPolicy, ...withoutCase]).toEqual([]);
    // What the HTTP server serves is exactly the controllers' routes, plus the API documentation.
    const declared = new Set(routes.map(routeKey));
    expect(served.filter((r) => !declared.has(routeKey(r)) && !/^\/api\/docs(-json|-yaml)?(\/.*)?$/.test(r.path))).toEqual([]);
  });

  it('runs every route for every role (and for no one) and answers exactly as the policy and the scope say', async () => {
    const ctx: CaseContext = { api, model, rootToken, password: DEMO_PASSWORD, unique, calendar };
    const callers: Array<(ModelUser & { token: string }) | undefined> = [undefined, ...Object.values(users)];
    const mismatches: string[] = [];
    let calls = 0;

    for (const route of routes) {
      const c = ROUTE_CASES[routeKey(route)];
      if (!c || (!route.public && !route.policy)) continue; // reported by the test above
      const policy = route.policy;
      const paramRef = Object.entries(policy?.scope ?? {}).find(([kind, ref]) => kind === c.target && ref!.startsWith('params.'));
      for (const user of callers) {
        // Only callers the policy lets through are tried with every target; the rest need one.
        const allowed = route.public || (user !== undefined && policy!.roles.includes(user.role));
        const all = c.target ? [...model.idsOf(c.target), ...(c.newTargets?.() ?? [])] : [undefined];
        const targets = allowed ? all : all.slice(0, 1);
        for (const target of targets) {
          const req = await c.request(ctx, target, user);
          let path = req.path ?? route.path;
          if (!req.path && paramRef && target) path = path.replace(`:${paramRef[1]!.slice('params.'.length)}`, encodeURIComponent(target));
          const res = await api(route.method, path, { token: user?.token, body: req.body });
          calls++;
          const want = expectedAnswer(route, c, user, target, paramRef?.[0] as ScopeKind | undefined, req.body);
          const who = user ? `${user.key} (${user.role})` : 'anonymous';
          if (res.status !== want.status) {
            mismatches.push(`${route.method} ${path} as ${who}: ${res.status}, expected ${want.status}: ${res.text.slice(0, 200)}`);
            continue;
          }
          const problem = { code: res.body?.code, params: res.body?.params, fields: res.status >= 400 ? fieldCodes(res.body) : {} };
          const wanted = { code: want.code ?? problem.code, params: want.params ?? problem.params, fields: want.fields ?? problem.fields };
          if (canonical(problem) !== canonical(wanted)) {
            mismatches.push(`${route.method} ${path} as ${who}: ${res.status} ${JSON.stringify(problem)}, expected ${JSON.stringify(wanted)}`);
            continue;
          }
          if (res.status >= 200 && res.status < 300) {
            if (req.created && user) req.created(res.body, user);
            mismatches.push(...checkList(route, res, user, path));
            if (!route.public && route.method !== 'GET') mismatches.push(...(await checkAudited(route, res, user!)));
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  });

  /** JSON with the keys of every object sorted, to compare answers whatever order their fields come in. */
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
    );

  interface Expected {
    status: number;
    /** The problem code, its parameters and the codes of its field problems; left out: not checked. */
    code?: string;
    params?: Record<string, unknown>;
    fields?: Record<string, string>;
  }

  /** What the policy and the model say the answer must be: its status, and for a refusal of the gateway's guard its problem. */
  function expectedAnswer(route: RouteInfo, c: (typeof ROUTE_CASES)[string], user: ModelUser | undefined, target: string | undefined, targetKind: ScopeKind | undefined, body: unknown): Expected {
    const ok: Expected = { status: c.ok, ...(c.okCode ? { code: c.okCode } : {}), ...(c.okFieldCodes ? { fields: c.okFieldCodes } : {}) };
    if (route.public) return ok;
    if (!user) return { status: 401, code: 'auth.required', params: undefined, fields: {} };
    const policy = route.policy!;
    if (!policy.roles.includes(user.role)) return { status: 403, code: 'role.not_allowed', params: { role: user.role }, fields: {} };
    for (const [kind, ref] of Object.entries(policy.scope ?? {}) as [ScopeKind, string][]) {
      const [source, field] = [ref.slice(0, ref.indexOf('.')), ref.slice(ref.indexOf('.') + 1)];
      const id = source === 'params' ? (kind === targetKind ? target : undefined) : ((body as Record<string, unknown> | undefined)?.[field] as string | undefined);
      if (id === undefined) continue;
      if (policy.mayCreate && !model.knows(kind, id)) continue;
      if (!model.visible(user, kind, id)) {
        return source === 'params'
          ? { status: 404, code: `${kind}.not_found`, params: { id }, fields: {} }
          : { status: 400, code: 'request.invalid', params: { count: 1 }, fields: { [field]: `${kind}.unknown` } };
      }
    }
    return ok;
  }

  /** A list holds exactly what the user may see (audit entries: nothing outside their programmes). */
  function checkList(route: RouteInfo, res: ApiResponse, user: ModelUser | undefined, path: string): string[] {
    const kind = route.policy?.lists;
    if (!kind || !user) return [];
    const where = `${route.method} ${path} as ${user.key}`;
    if (kind === 'audit_entry') {
      const programmeIds = res.body
        ? (res.body as Array<{ programmeId: string | null }>).map((e) => e.programmeId)
        : parseCsv(res.text.replace(/^\uFEFF/, ''))
            .slice(1)
            .map((r) => programmeOfCell(r[7]));
      const foreign = programmeIds.filter((p) => p === null || p === '' || !user.programmeIds.includes(p));
      return foreign.length ? [`${where}: audit entries of other programmes: ${foreign.join(', ')}`] : [];
    }
    // Only plain arrays of records are compared (a preview or a summary answers otherwise).
    if (!Array.isArray(res.body)) return [];
    const got = (res.body as Array<{ id: string }>).map((x) => x.id).sort();
    const want = model.idsOf(kind).filter((id) => model.visible(user, kind, id)).sort();
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${where}: listed ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
  }

  /**
   * Every write leaves an entry of its own under its request id, naming who did it. There is
   * no generic fallback any more: this is the check that a write route forgot its entry. The
   * services other than actors record their entries as events, appended a moment later.
   */
  async function checkAudited(route: RouteInfo, res: ApiResponse, user: ModelUser & { token?: string }): Promise<string[]> {
    const requestId = res.headers.get('x-request-id');
    const filter = encodeURIComponent(JSON.stringify({ requestId }));
    const until = Date.now() + 15_000;
    for (;;) {
      for (const token of [rootToken, ...(user.role === 'programme_admin' && user.token ? [user.token] : [])]) {
        const found = await api('GET', `/audit-log?filter=${filter}`, { token });
        const entries = (found.body ?? []) as Array<{ action: string; actorId: string }>;
        if (entries.length === 0) continue;
        if (entries.some((e) => e.action.startsWith('http.'))) return [`${routeKey(route)}: recorded only a generic audit entry`];
        if (!entries.every((e) => e.actorId === user.id)) return [`${routeKey(route)}: audit entry names someone else`];
        return [];
      }
      if (Date.now() > until) return [`${routeKey(route)} as ${user.key}: no audit entry for request ${requestId}`];
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('keeps a new partner user away from every other organisation’s quarter, by any URL', async () => {
    // A brand-new user of DOGEWO21, signed in for the first time.
    const created = await api('POST', '/accounts', {
      token: users.admin!.token,
      body: { email: 'neu.dogewo@genq.example', displayName: 'Neu', password: DEMO_PASSWORD, role: 'partner', organisationId: fixture.dogewo },
    });
    expect(created.status).toBe(201);
    const { accessToken } = await signIn(api, 'neu.dogewo@genq.example', DEMO_PASSWORD);
    const foreign = [...model.quarters.keys()].filter((id) => id !== fixture.scharnhorst);
    expect(foreign.length).toBeGreaterThanOrEqual(2);
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && !r.public)) {
      const params = route.path.match(/:\w+/g) ?? [];
      const paths = params.length ? foreign.map((id) => params.reduce((p, name) => p.replace(name, id), route.path)) : [`${route.path}?range=[0,499]`];
      for (const path of paths) {
        const res = await api('GET', path, { token: accessToken });
        if (res.status === 200 && foreign.some((id) => res.text.includes(id))) leaks.push(`${path}: ${res.status} shows a foreign quarter`);
        if (params.length && ![400, 403, 404].includes(res.status)) leaks.push(`${path}: ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    const own = await api('GET', `/quarters/${fixture.scharnhorst}`, { token: accessToken });
    expect(own.status).toBe(200);
    const listed = await api('GET', '/quarters', { token: accessToken });
    expect(listed.body.map((q: { id: string }) => q.id)).toEqual([fixture.scharnhorst]);
    // Filters cannot widen the scope.
    const widened = await api('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify({ id: [...model.quarters.keys()], programmeId: [P1, P2] }))}`, {
      token: accessToken,
    });
    expect(widened.body.map((q: { id: string }) => q.id)).toEqual([fixture.scharnhorst]);
  });

  describe('tokens', () => {
    const secret = () => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).authJwtSecret as string;
    const now = () => Math.floor(Date.now() / 1000);

    it('keeps the generated signing secret in the data directory, readable by its owner only', () => {
      expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(secret().length).toBeGreaterThanOrEqual(32);
    });

    it('refuses expired tokens and tokens for sessions that do not exist, even when correctly signed', async () => {
      const s = await signIn(api, 'partner@fixture.genq.example', DEMO_PASSWORD);
      const [, payload] = s.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      expect(claims).toMatchObject({ sub: users.partner!.id, iss: 'genq', aud: 'genq-api' });
      expect(claims.email).toBeUndefined(); // no personal data in tokens
      const me = (token: string) => api('GET', '/auth/me', { token });
      expect((await me(s.accessToken)).status).toBe(200);
      const refused = { status: 401, body: expect.objectContaining({ code: 'auth.required' }) };
      expect(await me(forge(secret(), { ...claims, iat: now() - 3600, exp: now() - 60 }))).toMatchObject(refused);
      // A session the actors service does not know: its refusal (auth.session_ended) becomes the same 401.
      expect(await me(forge(secret(), { ...claims, sid: randomUUID() }))).toMatchObject(refused);
      // The session of one account does not serve another (e.g. an admin).
      expect(await me(forge(secret(), { ...claims, sub: users.admin!.id }))).toMatchObject(refused);
      expect(await me(forge('a-guessed-secret-of-some-length-0123456789', claims))).toMatchObject(refused);
    });

    it('revokes on logout: the access token and the refresh token stop working at once', async () => {
      const s = await signIn(api, 'partner@fixture.genq.example', DEMO_PASSWORD);
      expect((await api('GET', '/auth/me', { token: s.accessToken })).status).toBe(200);
      expect((await api('POST', '/auth/logout', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
      const after = await api('GET', '/auth/me', { token: s.accessToken });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toContain('invalid_token');
      expect(after.body).toMatchObject({ code: 'auth.required' });
      expect(await api('POST', '/auth/refresh', { body: { refreshToken: s.refreshToken } })).toMatchObject({ status: 401, body: { code: 'auth.session_ended' } });
    });

    it('rotates refresh tokens; a replayed one ends the session', async () => {
      const s = await signIn(api, 'partner@fixture.genq.example', DEMO_PASSWORD);
      const next = await api('POST', '/auth/refresh', { body: { refreshToken: s.refreshToken } });
      expect(next.status).toBe(200);
      expect(next.body.refreshToken).not.toBe(s.refreshToken);
      expect((await api('GET', '/auth/me', { token: next.body.accessToken })).body.email).toBe('partner@fixture.genq.example');
      expect(await api('POST', '/auth/refresh', { body: { refreshToken: s.refreshToken } })).toMatchObject({ status: 401, body: { code: 'auth.session_ended' } });
      expect(await api('GET', '/auth/me', { token: next.body.accessToken })).toMatchObject({ status: 401, body: { code: 'auth.required' } });
      expect(await api('POST', '/auth/refresh', { body: { refreshToken: next.body.refreshToken } })).toMatchObject({ status: 401, body: { code: 'auth.session_ended' } });
    });
  });

  it('locks an account after repeated failed logins, for a while, and tells the programme admin', async () => {
    await api('POST', '/accounts', {
      token: users.admin!.token,
      body: { email: 'vergesslich@genq.example', displayName: 'V', password: DEMO_PASSWORD, role: 'viewer', programmeIds: [P1] },
    });
    const login = (password: string) => api('POST', '/auth/login', { body: { email: 'vergesslich@genq.example', password } });
    for (let i = 0; i < 3; i++) expect((await login(`falsch-${i}-falsch`)).body).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    // Locked, the right password reads exactly like a wrong one.
    const locked = await login(DEMO_PASSWORD);
    expect(locked.status).toBe(401);
    const { requestId: _lockedId, ...lockedProblem } = locked.body;
    const { requestId: _wrongId, ...wrongProblem } = (await login('wieder-falsch')).body;
    expect(lockedProblem).toEqual(wrongProblem);
    expect(lockedProblem).toMatchObject({ code: 'auth.invalid_credentials', detail: 'E-Mail-Adresse oder Passwort sind falsch.' });
    const audit = await api('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'account.lock' }))}`, { token: users.admin!.token });
    expect(audit.body[0]).toMatchObject({ actorRole: 'system', resourceType: 'account', programmeId: P1 });
    await new Promise((r) => setTimeout(r, 3200));
    expect((await login(DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses an id that cannot be one before any service is asked, with the code of the field', async () => {
    const token = users.admin!.token;
    const refusal = async (method: string, path: string, body?: unknown) => {
      const res = await api(method, path, { token, ...(body ? { body } : {}) });
      return { status: res.status, code: res.body?.code, fields: fieldCodes(res.body) };
    };
    await expect(refusal('GET', '/quarters/not-a-uuid')).resolves.toEqual({ status: 400, code: 'request.invalid', fields: { id: 'validation.isUuid' } });
    await expect(refusal('GET', '/programmes/NOT%20AN%20ID')).resolves.toEqual({ status: 400, code: 'request.invalid', fields: { id: 'programme.id_invalid' } });
    await expect(refusal('GET', '/audit-log/0')).resolves.toEqual({ status: 400, code: 'request.invalid', fields: { id: 'audit_entry.id_invalid' } });
    // A programme written to another programme's address.
    await expect(refusal('PUT', `/programmes/${P1}`, { id: P2, name: P1, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar })).resolves.toEqual({
      status: 400,
      code: 'request.invalid',
      fields: { id: 'programme.id_mismatch' },
    });
  });

  it('says an actors refusal with its parameters in the language asked for', async () => {
    const body = { name: 'Scharnhorst-Ost', municipality: 'Teststadt', land: 'Nordrhein-Westfalen', housingCompany: 'Jemand anderes', programmeId: P1 };
    const german = await api('POST', '/quarters', { token: users.admin!.token, body });
    expect(german.status).toBe(409);
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.body).toMatchObject({
      code: 'quarter.already_registered',
      params: { name: 'Scharnhorst-Ost', municipality: 'Teststadt' },
      detail: 'Das Quartier „Scharnhorst-Ost“ in Teststadt ist in diesem Programm bereits angelegt.',
      errors: [{ field: 'name', code: 'quarter.name_taken', message: 'In dieser Kommune gibt es in diesem Programm bereits ein Quartier dieses Namens.' }],
    });
    const english = await api('POST', '/quarters', { token: users.admin!.token, body, headers: { 'accept-language': 'en' } });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body).toMatchObject({
      code: 'quarter.already_registered',
      detail: 'Quarter "Scharnhorst-Ost" in Teststadt is already registered in this programme.',
      errors: [{ field: 'name', code: 'quarter.name_taken', message: 'A quarter with this name already exists in this municipality and programme.' }],
    });
  });

  it('turns injection strings in filters, sorts and ranges into 400s or empty answers, never into SQL', async () => {
    const token = users.admin!.token;
    const get = (query: string) => api('GET', `/quarters?${query}`, { token });
    const f = (o: unknown) => `filter=${encodeURIComponent(JSON.stringify(o))}`;
    const s = (o: unknown) => `sort=${encodeURIComponent(JSON.stringify(o))}`;
    const answers = [
      await get(f({ municipality: "' OR '1'='1" })),
      await get(f({ q: "%' UNION SELECT passwordHash FROM accounts --" })),
      await get(f({ municipality: ['x', "') OR 1=1 --"] })),
    ];
    for (const a of answers) expect([a.status, a.body]).toEqual([200, []]);
    const refused: Array<[ApiResponse, Record<string, string>]> = [
      [await get(f({ 'name; DROP TABLE quarters; --': 'x' })), { 'filter.name; DROP TABLE quarters; --': 'list.filter_unknown' }],
      [await get(f({ programmeId: { $ne: null } })), { 'filter.programmeId': 'list.filter_value_invalid' }],
      [await get(s(['name; DROP TABLE quarters', 'ASC'])), { sort: 'list.sort_unknown' }],
      [await get(s(['name', 'ASC; DELETE FROM quarters'])), { sort: 'list.sort_invalid' }],
      [await get('filter=%7B%22name%22%3A'), { filter: 'list.filter_invalid' }],
      [await get('range=[0,"1; DROP"]'), { range: 'list.range_invalid' }],
      [await api('GET', `/audit-log?${f({ at_gte: "2026-01-01' OR '1'='1" })}`, { token }), { 'filter.at_gte': 'validation.isIso8601' }],
      [await api('GET', `/audit-log?${s(['(SELECT 1)', 'DESC'])}`, { token }), { sort: 'list.sort_unknown' }],
    ];
    for (const [r, fields] of refused) {
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('list.invalid');
      expect(fieldCodes(r.body)).toEqual(fields);
      // The refusal may quote the input back; it never carries a database error or a stack.
      expect(r.text).not.toMatch(/SQLITE_|syntax error|QueryFailedError|driverError|relation "|at \w+ \(/);
    }
    // Pages hold at most 500 entries: a larger range is refused, naming the range, not quietly cut.
    const tooMany = await get('range=[0,100000]');
    expect([tooMany.status, fieldCodes(tooMany.body)]).toEqual([400, { range: 'list.range_too_large' }]);
    // Still all there.
    const all = await get('range=[0,499]');
    expect(all.status).toBe(200);
    expect(all.body.length).toBe(model.idsOf('quarter').filter((id) => model.visible(users.admin!, 'quarter', id)).length);
    expect(all.body.length).toBeLessThanOrEqual(500);
  });

  describe('audit log', () => {
    it('records a quarter registration with who, when, before (none), after and the request id', async () => {
      const res = await api('GET', `/audit-log?${`filter=${encodeURIComponent(JSON.stringify({ action: 'quarter.create', resourceId: fixture.scharnhorst }))}`}`, {
        token: users.admin!.token,
      });
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({
        actorEmail: DEMO_ADMIN.email,
        actorRole: 'programme_admin',
        resourceType: 'quarter',
        programmeId: P1,
        quarterId: fixture.scharnhorst,
        before: null,
        after: { id: fixture.scharnhorst, name: 'Scharnhorst-Ost', programmeId: P1 },
        requestId: fixture.scharnhorstRequestId,
      });
      const one = await api('GET', `/audit-log/${res.body[0].id}`, { token: users.admin!.token });
      expect(one.body.id).toBe(res.body[0].id);
    });

    it('offers no route that changes or removes an entry', () => {
      expect(routes.filter((r) => r.path.startsWith('/api/audit-log') && r.method !== 'GET')).toEqual([]);
    });

    it('exports to CSV for programme admins, oldest first, as a person reads it: German words and names, English on request', async () => {
      const made = await api('POST', '/organisations', { token: users.admin!.token, body: { name: 'Nachbarschaft "Süd"; e.V.', type: 'initiative', programmeId: P1 } });
      expect(made.status).toBe(201);
      const filter = encodeURIComponent(JSON.stringify({ action: 'organisation.create' }));
      const res = await api('GET', `/audit-log/export?filter=${filter}`, { token: users.admin!.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-language')).toBe('de');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="genq-audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
      const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
      expect(rows[0]).toEqual(['Nr.', 'Zeitpunkt', 'Person', 'Rolle', 'Aktion', 'Art', 'Eintrag', 'Programm', 'Quartier', 'Grund', 'Änderungen', 'Anfrage-ID']);
      // The new organisation by its name, and its fields in words: no key, no id, no JSON.
      const row = rows.find((r) => r[6] === 'Nachbarschaft "Süd"; e.V.');
      expect(row).toBeDefined();
      expect(row!.slice(2, 7)).toEqual([users.admin!.email, 'Programmstelle (Administration)', 'Organisation angelegt', 'Organisation', 'Nachbarschaft "Süd"; e.V.']);
      expect(programmeOfCell(row![7])).toBe(P1);
      expect(row![1]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
      expect(row![10]).toContain('Name: Nachbarschaft "Süd"; e.V.');
      expect(row![10]).not.toMatch(/[{}]|programmeId|organisation\.create/);
      expect(rows.slice(1).every((r) => r[4] === 'Organisation angelegt' && users.admin!.programmeIds.includes(programmeOfCell(r[7])!))).toBe(true);
      const ids = rows.slice(1).map((r) => Number(r[0]));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const english = await api('GET', `/audit-log/export?filter=${filter}`, { token: users.admin!.token, headers: { 'accept-language': 'en' } });
      const en = parseCsv(english.text.replace(/^\uFEFF/, ''), ',');
      expect(en[0]![4]).toBe('Action');
      expect(en.find((r) => r[6] === 'Nachbarschaft "Süd"; e.V.')!.slice(3, 6)).toEqual(['Programme office (administration)', 'Organisation created', 'Organisation']);
      expect(await api('GET', `/audit-log/export?filter=${filter}`, { token: users.operator!.token })).toMatchObject({ status: 403, body: { code: 'role.not_allowed', params: { role: 'operator' } } });
      const broken = await api('GET', '/audit-log/export?filter=%7Bbroken', { token: users.admin!.token });
      expect(broken).toMatchObject({ status: 400, body: { code: 'list.invalid' } });
      expect(fieldCodes(broken.body)).toEqual({ filter: 'list.filter_invalid' });
    });
  });
});
