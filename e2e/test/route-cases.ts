import type { ScopeKind } from '@genq/contracts';
import type { Api } from './support/api';
import type { ModelUser, ScopeModel } from './support/scope-model';

/**
 * How to call each route of the gateway in the route test (authorisation.e2e-spec.ts).
 * The test derives the routes from the application and fails for a route without a
 * policy, and for a route without a case here: a new route needs both.
 *
 * The test decides the expected answer from the route's policy and the scope model:
 * 401 without a token, 403 for a role the policy does not name, 404 (route parameter) or
 * 400 (body field) for a record outside the caller's scope, and `ok` otherwise.
 */
export interface CaseContext {
  api: Api;
  model: ScopeModel;
  /** Access token of a programme admin of every fixture programme, for set-up calls. */
  rootToken: string;
  password: string;
  /** A name nobody used yet. */
  unique(prefix: string): string;
  calendar: unknown;
}

export interface RouteRequest {
  /** The path with its parameters filled in; default: the route's path with the target id in its scope parameter. */
  path?: string;
  body?: unknown;
  /** Tells the model what a successful call created. */
  created?: (response: any, user: ModelUser) => void;
}

export interface RouteCase {
  /** Routes that name a record: the kind of fixture record to try, each one in turn. */
  target?: ScopeKind;
  /** Also try ids that do not exist yet (upserts that create). */
  newTargets?: () => string[];
  request: (ctx: CaseContext, target: string | undefined, user: ModelUser | undefined) => RouteRequest | Promise<RouteRequest>;
  /** The status of a call the caller may make. */
  ok: number;
}

const QUARTER_BODY = { municipality: 'Teststadt', land: 'Nordrhein-Westfalen', housingCompany: 'Test eG' };

/** A refresh token of a fresh session of a throw-away account, so public credential routes can succeed. */
async function freshSession(ctx: CaseContext): Promise<{ refreshToken: string }> {
  const res = await ctx.api('POST', '/auth/login', { body: { email: 'public-routes@fixture.genq.example', password: ctx.password } });
  if (res.status !== 200) throw new Error(`login for the public routes failed: ${res.status} ${res.text}`);
  return res.body;
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/health': { ok: 200, request: () => ({}) },
  'POST /api/auth/login': { ok: 200, request: (ctx) => ({ body: { email: 'public-routes@fixture.genq.example', password: ctx.password } }) },
  'POST /api/auth/refresh': { ok: 200, request: async (ctx) => ({ body: { refreshToken: (await freshSession(ctx)).refreshToken } }) },
  'POST /api/auth/logout': { ok: 204, request: async (ctx) => ({ body: { refreshToken: (await freshSession(ctx)).refreshToken } }) },
  'GET /api/auth/me': { ok: 200, request: () => ({}) },

  'GET /api/programmes': { ok: 200, request: () => ({ path: '/api/programmes?range=[0,499]' }) },
  'GET /api/programmes/:id': { ok: 200, target: 'programme', request: () => ({}) },
  'PUT /api/programmes/:id': {
    ok: 200,
    target: 'programme',
    newTargets: () => [`neu-${Math.random().toString(36).slice(2, 10)}`],
    request: (ctx, id) => ({
      body: { id, name: `Programm ${id}`, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar: ctx.calendar },
      created: (p, user) => {
        if (!ctx.model.programmes.has(p.id)) {
          ctx.model.programmes.add(p.id);
          user.programmeIds.push(p.id);
        }
      },
    }),
  },

  'GET /api/quarters': { ok: 200, request: () => ({ path: '/api/quarters?range=[0,499]' }) },
  'GET /api/quarters/:id': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters': {
    ok: 201,
    target: 'programme',
    request: (ctx, programmeId) => ({
      body: { ...QUARTER_BODY, name: ctx.unique('Quartier'), programmeId },
      created: (q) => ctx.model.quarters.set(q.id, { programmeId: q.programmeId }),
    }),
  },
  'GET /api/quarters/:quarterId/memberships': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/memberships': {
    ok: 201,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      // A new organisation of the quarter's programme, so the membership is new and the organisation known.
      const programmeId = ctx.model.quarters.get(quarterId!)!.programmeId;
      const org = await ctx.api('POST', '/organisations', { token: ctx.rootToken, body: { name: ctx.unique('Träger'), type: 'welfare_organisation', programmeId } });
      if (org.status !== 201) throw new Error(`set-up: ${org.status} ${org.text}`);
      ctx.model.organisations.set(org.body.id, { programmeId });
      return {
        body: { organisationId: org.body.id, role: 'cooperation_partner' },
        created: (m) => ctx.model.memberships.push({ quarterId: m.quarterId, organisationId: m.organisationId }),
      };
    },
  },

  'GET /api/quarters/:id/process': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:id/interventions': {
    ok: 200,
    target: 'quarter',
    // Always applicable while a step is open, and harmless: one more reminder in the outbox.
    request: () => ({ body: { kind: 'remind_now', reason: 'Routentest' } }),
  },
  'POST /api/quarters/:id/events': {
    ok: 200,
    target: 'quarter',
    request: (ctx) => ({ body: { eventId: ctx.unique('ereignis'), type: 'measure_status_changed', measureId: 'm1', status: 'umgesetzt' } }),
  },
  'GET /api/interventions/batches/preview': { ok: 200, request: () => ({ path: `/api/interventions/batches/preview?filter=${encodeURIComponent('{}')}` }) },
  'POST /api/interventions/batches': {
    ok: 202,
    request: () => ({ body: { filter: {}, intervention: { kind: 'remind_now', reason: 'Routentest (Stapel)' } } }),
  },
  'GET /api/interventions/batches/:id': {
    ok: 200,
    // A batch is followed by whoever started it: callers who may start one follow their own.
    request: async (ctx, _target, user) => {
      const own = user && ['programme_admin', 'operator'].includes(user.role) ? (user as { token?: string }).token : undefined;
      const started = await ctx.api('POST', '/interventions/batches', { token: own ?? ctx.rootToken, body: { filter: {}, intervention: { kind: 'remind_now', reason: 'Vorbereitung' } } });
      if (started.status !== 202) throw new Error(`set-up: ${started.status} ${started.text}`);
      return { path: `/api/interventions/batches/${started.body.id}` };
    },
  },
  'GET /api/notifications': { ok: 200, request: () => ({ path: '/api/notifications?range=[0,499]' }) },

  'GET /api/organisations': { ok: 200, request: () => ({ path: '/api/organisations?range=[0,499]' }) },
  'GET /api/organisations/:id': { ok: 200, target: 'organisation', request: () => ({}) },
  'POST /api/organisations': {
    ok: 201,
    target: 'programme',
    request: (ctx, programmeId) => ({
      body: { name: ctx.unique('Initiative'), type: 'initiative', programmeId },
      created: (o) => ctx.model.organisations.set(o.id, { programmeId: o.programmeId }),
    }),
  },

  'GET /api/accounts': { ok: 200, request: () => ({ path: '/api/accounts?range=[0,499]' }) },
  'GET /api/accounts/:id': { ok: 200, target: 'account', request: () => ({}) },
  'POST /api/accounts': {
    ok: 201,
    target: 'organisation',
    request: (ctx, organisationId) => ({
      body: { email: `${ctx.unique('user').replace(/\W+/g, '.').toLowerCase()}@fixture.genq.example`, displayName: 'Neu', password: ctx.password, role: 'partner', organisationId },
      created: (a) => ctx.model.accounts.set(a.id, { programmeIds: a.programmeIds, organisationId: a.organisationId }),
    }),
  },

  'GET /api/audit-log': { ok: 200, request: () => ({ path: '/api/audit-log?range=[0,499]' }) },
  'GET /api/audit-log/export': { ok: 200, request: () => ({}) },
  'GET /api/audit-log/:id': { ok: 200, target: 'audit_entry', request: () => ({}) },
};
