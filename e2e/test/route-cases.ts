import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '@genq/infra';
import type { ScopeKind } from '@genq/contracts';
import type { Api } from './support/api';
import type { ModelUser, ScopeModel } from './support/scope-model';
import { AGREEMENT_ROUTE_CASES } from './agreement-cases';

/**
 * How to call each route of the gateway in the route test (authorisation.e2e-spec.ts).
 * The test derives the routes from the application and fails for a route without a
 * policy, and for a route without a case here: a new route needs both.
 *
 * The test decides the expected answer from the route's policy and the scope model:
 * 401 without a token (auth.required), 403 for a role the policy does not name
 * (role.not_allowed), 404 (route parameter: `<kind>.not_found`) or 400 (body field:
 * request.invalid with the field's `<kind>.unknown`) for a record outside the caller's
 * scope, and `ok` (with `okCode` when that is a refusal) otherwise.
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
  /** When `ok` is a refusal: its problem code, and the code of each field problem it lists. */
  okCode?: string;
  okFieldCodes?: Record<string, string>;
}

/** Criteria of the default catalogue (genq-default@1.0.0), for set-ups that rate every one. */
const ANALYSIS_CRITERIA = [
  ...['1', '2', '3', '4', '5', '6', '7'].map((n) => `HF1.${n}`),
  ...['HF2', 'HF3', 'HF4'].flatMap((f) => ['1', '2', '3', '4', '5', '6'].map((n) => `${f}.${n}`)),
];

const DEFAULT_CATALOGUE = JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'));

const QUARTER_BODY = { municipality: 'Teststadt', land: 'Nordrhein-Westfalen', housingCompany: 'Test eG' };

/** A refresh token of a fresh session of a throw-away account, so public credential routes can succeed. */
async function freshSession(ctx: CaseContext): Promise<{ refreshToken: string }> {
  const res = await ctx.api('POST', '/auth/login', { body: { email: 'public-routes@fixture.genq.example', password: ctx.password } });
  if (res.status !== 200) throw new Error(`login for the public routes failed: ${res.status} ${res.text}`);
  return res.body;
}

let fixturePeople: Promise<void> | undefined;
/**
 * One person for each organisation the root admin sees, recorded once, so the people routes
 * have records to read before any case creates one. Organisations of programmes made during
 * the test lie outside the root admin's scope and get none.
 */
function ensureFixturePeople(ctx: CaseContext): Promise<void> {
  fixturePeople ??= (async () => {
    for (const organisationId of [...ctx.model.organisations.keys()]) {
      const res = await ctx.api('POST', '/people', { token: ctx.rootToken, body: { organisationId, name: ctx.unique('Ansprechperson') } });
      if (res.status === 201) ctx.model.people.set(res.body.id, { organisationId });
    }
    // Without fixture people the routes that name one would run for no target at all.
    if (ctx.model.people.size === 0) throw new Error('set-up: no fixture person could be recorded');
  })();
  return fixturePeople;
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  // issue 5: Handlungskonzept, Zielvereinbarung, certificates
  ...AGREEMENT_ROUTE_CASES,
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
  // issue 6: the dashboard (one read over the read models) and saved views shared within a role
  'GET /api/dashboard': { ok: 200, request: () => ({ path: `/api/dashboard?filter=${encodeURIComponent(JSON.stringify({ land: 'Nordrhein-Westfalen' }))}` }) },
  'GET /api/dashboard/facets': { ok: 200, request: () => ({}) },
  // issue 17: "Meine Aufgaben" of the caller
  'GET /api/tasks': { ok: 200, request: () => ({}) },
  'GET /api/saved-views': { ok: 200, request: () => ({ path: '/api/saved-views?resource=quarters' }) },
  'POST /api/saved-views': { ok: 201, request: (ctx) => ({ body: { resource: 'quarters', name: ctx.unique('Ansicht'), filter: { stalled: true } } }) },
  'DELETE /api/saved-views/:id': {
    ok: 204,
    // Only its creator (or the programme office) deletes a view: each caller deletes one of their own.
    request: async (ctx, _target, user) => {
      const own = (user as { token?: string } | undefined)?.token ?? ctx.rootToken;
      const res = await ctx.api('POST', '/saved-views', { token: own, body: { resource: 'quarters', name: ctx.unique('Zum Löschen'), filter: {} } });
      if (res.status !== 201) throw new Error(`set-up: ${res.status} ${res.text}`);
      return { path: `/api/saved-views/${res.body.id}` };
    },
  },
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
  // issue 16: bulk admission; a programme admin imports into a programme of their own
  'POST /api/quarters/import': {
    ok: 200,
    request: (ctx, _target, user) => {
      const programmeId = user?.programmeIds[0] ?? [...ctx.model.programmes][0];
      return {
        body: { csv: `name;municipality;land;housingCompany;programmeId\n${ctx.unique('Importquartier')};Teststadt;Nordrhein-Westfalen;Test eG;${programmeId}\n` },
        created: (res) => {
          for (const q of res.quarters ?? []) ctx.model.quarters.set(q.id, { programmeId: q.programmeId ?? programmeId });
        },
      };
    },
  },
  'GET /api/quarters/import/template.csv': { ok: 200, request: () => ({}) },
  'GET /api/quarters/import/template.xlsx': { ok: 200, request: () => ({}) },
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

  // issue 4: participation events and quarter details (partners and facilitators write for their quarters)
  'GET /api/quarters/:quarterId/participation-events': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/participation-events': {
    ok: 201,
    target: 'quarter',
    request: (ctx) => ({ body: { type: 'workshop', date: '2026-03-14', participants: { '18-64': 12, '65-79': 3 }, outcome: ctx.unique('Ergebnis') } }),
  },
  // issue 13: the deliverables that complete Auftakt and Beteiligungsphase. Each is recorded once per quarter, so the
  // route test sends what the service refuses by its own rule (unknown people, a date ahead): every caller the policy
  // lets through reaches the service and gets the same answer, whatever ran before.
  'GET /api/quarters/:quarterId/kickoff': { ok: 204, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/kickoff': {
    ok: 400,
    okCode: 'request.invalid',
    okFieldCodes: { housingCompanyLeadId: 'person.unknown', municipalityLeadId: 'person.unknown', facilitatorId: 'person.unknown' },
    target: 'quarter',
    request: () => ({
      body: { date: '2026-02-10', housingCompanyLeadId: randomUUID(), municipalityLeadId: randomUUID(), facilitatorId: randomUUID(), declarationSignedOn: '2026-02-10' },
    }),
  },
  'GET /api/quarters/:quarterId/participation-record': { ok: 204, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/participation-record': {
    ok: 400,
    okCode: 'request.invalid',
    okFieldCodes: { closedOn: 'date.in_future' },
    target: 'quarter',
    request: () => ({ body: { closedOn: '2999-12-31', proposals: [{ text: 'Routentest' }] } }),
  },
  'PATCH /api/quarters/:id': {
    ok: 200,
    target: 'quarter',
    request: () => ({ body: { flats: 1000 + Math.floor(Math.random() * 1000), areaHa: 12.5 } }),
  },
  'GET /api/catalogues': { ok: 200, request: () => ({ path: '/api/catalogues?sort=["version","DESC"]&range=[0,9]' }) },
  'GET /api/catalogues/:id': { ok: 200, request: () => ({ path: '/api/catalogues/genq-default@1.0.0' }) },
  'POST /api/catalogues': {
    ok: 201,
    // The default catalogue under a version nobody used yet: a programme office's new version.
    request: (ctx) => ({ body: { ...DEFAULT_CATALOGUE, version: ctx.unique('2.0').replace(/[^A-Za-z0-9._-]/g, '-') } }),
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
    // No Bilanzierung is due in a fixture quarter: the process answers 200 with applied false and the reason.
    request: (ctx) => ({ body: { eventId: ctx.unique('ereignis'), type: 'reaudit_decided', decision: 'renewed' } }),
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
  // issue 18: the route test's stack has no incident, so a named one is not found and a batch matches none.
  'GET /api/incidents': { ok: 200, request: () => ({ path: '/api/incidents?range=[0,499]' }) },
  'GET /api/incidents/counts': { ok: 200, request: () => ({}) },
  'GET /api/incidents/:id': { ok: 404, okCode: 'incident.not_found', request: () => ({ path: `/api/incidents/${randomUUID()}` }) },
  'GET /api/incidents/:id/reset-preview': { ok: 404, okCode: 'incident.not_found', request: () => ({ path: `/api/incidents/${randomUUID()}/reset-preview` }) },
  'POST /api/incidents/actions': { ok: 400, okCode: 'incident.batch_empty', request: () => ({ body: { action: 'retry', reason: 'Routentest', filter: {} } }) },
  'GET /api/events/status': { ok: 200, request: () => ({}) },
  'GET /api/dead-letters': { ok: 200, request: () => ({ path: '/api/dead-letters?range=[0,99]' }) },

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
  // issue 17: merging a duplicate removes it: a throw-away pair in a programme of the caller, never a fixture organisation.
  'POST /api/organisations/:id/merge': {
    ok: 200,
    request: async (ctx, _target, user) => {
      // A caller without programmes is refused before the organisations are looked at: any programme does.
      const programmes = [...new Set([...ctx.model.organisations.values()].map((o) => o.programmeId))];
      const mine = programmes.filter((p) => user?.programmeIds.includes(p));
      for (const programmeId of mine.length ? mine : programmes) {
        const org = (name: string) => ctx.api('POST', '/organisations', { token: ctx.rootToken, body: { name: ctx.unique(name), type: 'initiative', programmeId } });
        const [duplicate, kept] = [await org('Doppelt'), await org('Behalten')];
        if (duplicate.status !== 201 || kept.status !== 201) continue;
        ctx.model.organisations.set(kept.body.id, { programmeId });
        return { path: `/api/organisations/${duplicate.body.id}/merge`, body: { into: kept.body.id, reason: 'Routentest: doppelt angelegt' } };
      }
      throw new Error(`set-up: no programme to merge organisations in for ${user?.key ?? 'anyone'}`);
    },
  },

  // issue 4: people of organisations (the programme office writes them; whoever sees the organisation reads them)
  'GET /api/people': {
    ok: 200,
    request: async (ctx) => {
      await ensureFixturePeople(ctx);
      return { path: '/api/people?range=[0,499]' };
    },
  },
  'GET /api/people/:id': { ok: 200, target: 'person', request: () => ({}) },
  'POST /api/people': {
    ok: 201,
    target: 'organisation',
    request: (ctx, organisationId) => ({
      body: { organisationId, name: ctx.unique('Person'), role: 'Ansprechperson', email: 'kontakt@fixture.genq.example', signingAuthority: false },
      created: (p) => ctx.model.people.set(p.id, { organisationId: p.organisationId }),
    }),
  },
  'PUT /api/people/:id': {
    ok: 200,
    target: 'person',
    request: (ctx, personId) => ({ body: { organisationId: ctx.model.people.get(personId!)?.organisationId, name: ctx.unique('Person'), phone: '+49 231 000' } }),
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
  // A name only: a fixture user keeps the role and scope the other cases sign in with.
  'PATCH /api/accounts/:id': { ok: 200, target: 'account', request: (ctx) => ({ body: { displayName: ctx.unique('Konto') } }) },
  'POST /api/accounts/:id/password-reset': {
    ok: 200,
    // A throw-away partner account of an organisation in the caller's programme: resetting a fixture
    // user's password would end the sessions the other cases sign in with.
    request: async (ctx, _target, user) => {
      // A caller without programmes is refused before the account is looked at: any organisation does.
      const orgs = [...ctx.model.organisations];
      const mine = orgs.filter(([, o]) => user?.programmeIds.includes(o.programmeId));
      const candidates = (mine.length ? mine : orgs).map(([id]) => id);
      for (const organisationId of candidates) {
        const email = `${ctx.unique('reset').replace(/\W+/g, '.').toLowerCase()}@fixture.genq.example`;
        const res = await ctx.api('POST', '/accounts', { token: ctx.rootToken, body: { email, displayName: 'Zurückzusetzen', password: ctx.password, role: 'partner', organisationId } });
        if (res.status !== 201) continue;
        ctx.model.accounts.set(res.body.id, { programmeIds: res.body.programmeIds, organisationId: res.body.organisationId });
        return { path: `/api/accounts/${res.body.id}/password-reset` };
      }
      throw new Error(`set-up: no account to reset in the programmes of ${user?.key ?? 'anyone'}`);
    },
  },

  // issue 4: the quarter analysis. Writes carry a unique source or evidence, so each call changes something.
  'GET /api/analysis/template.csv': { ok: 200, request: () => ({}) },
  'GET /api/analysis/template.xlsx': { ok: 200, request: () => ({}) },
  'GET /api/quarters/:id/analysis': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:id/indicators': { ok: 200, target: 'quarter', request: () => ({}) },
  'PUT /api/quarters/:id/indicators': {
    ok: 200,
    target: 'quarter',
    request: (ctx) => ({ body: { values: [{ indicatorId: 'flats_total', referenceDate: '2025-12-31', value: 1200, source: ctx.unique('Bestand'), unit: 'Wohnungen' }] } }),
  },
  'POST /api/quarters/:id/indicators/import': {
    ok: 200,
    target: 'quarter',
    request: (ctx) => ({ body: { csv: `indicatorId;referenceDate;value;source\nresidents_total;31.12.2025;4200;${ctx.unique('Melderegister')}\n` } }),
  },
  'GET /api/quarters/:id/ratings': { ok: 200, target: 'quarter', request: () => ({}) },
  'PUT /api/quarters/:id/ratings': {
    ok: 200,
    target: 'quarter',
    request: (ctx) => ({ body: { ratings: [{ criterionId: 'HF1.1', rating: 2, evidence: ctx.unique('Beleg'), targetGroups: ['Kinder'] }] } }),
  },
  'GET /api/quarters/:id/profile': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/programmes/:id/analysis-distribution': { ok: 200, target: 'programme', request: () => ({}) },
  'GET /api/quarters/:id/analysis/pdf': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:id/profile/pdf': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/programmes/:id/report/pdf': { ok: 200, target: 'programme', request: () => ({}) },
  'POST /api/quarters/:id/analysis/submit': {
    ok: 200,
    target: 'quarter',
    // Every criterion rated first (as the programme admin), so the analysis may be submitted.
    request: async (ctx, quarterId) => {
      const ratings = ANALYSIS_CRITERIA.map((criterionId) => ({ criterionId, rating: 1 }));
      const res = await ctx.api('PUT', `/quarters/${quarterId}/ratings`, { token: ctx.rootToken, body: { ratings } });
      if (res.status !== 200 && res.status !== 404) throw new Error(`set-up: ${res.status} ${res.text}`);
      return {};
    },
  },
  'POST /api/quarters/:id/analysis/priorities': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      const ratings = ANALYSIS_CRITERIA.map((criterionId) => ({ criterionId, rating: 2 }));
      await ctx.api('PUT', `/quarters/${quarterId}/ratings`, { token: ctx.rootToken, body: { ratings } });
      await ctx.api('POST', `/quarters/${quarterId}/analysis/submit`, { token: ctx.rootToken });
      return { body: { priorities: ['HF2', 'HF3.1'] } };
    },
  },

  'GET /api/audit-log': { ok: 200, request: () => ({ path: '/api/audit-log?range=[0,499]' }) },
  'GET /api/audit-log/export': { ok: 200, request: () => ({}) },
  'GET /api/audit-log/:id': { ok: 200, target: 'audit_entry', request: () => ({}) },
};
