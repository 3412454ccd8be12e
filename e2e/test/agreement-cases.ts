import { randomUUID } from 'node:crypto';
import { signIn } from './support/api';
import type { ModelUser } from './support/scope-model';
import type { CaseContext, RouteCase } from './route-cases';

/**
 * Route cases of the Handlungskonzept and the Zielvereinbarung (issue 5). Routes on a version
 * need one: the set-up completes the quarter's concept and submits it as the programme office.
 */

const WINDOW_START = '2027-01-01';
const scheduled = { kind: 'unmittelbar', start: '2027-02-01', end: '2028-12-31' };

async function must(ctx: CaseContext, method: string, path: string, body: unknown, expected: number, token = ctx.rootToken): Promise<any> {
  const res = await ctx.api(method, path, { token, body });
  if (res.status !== expected) throw new Error(`set-up ${method} ${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** Gives every goal of the quarter a scheduled, owned measure, so the concept can be submitted. */
async function completeConcept(ctx: CaseContext, quarterId: string): Promise<void> {
  const concept = await must(ctx, 'GET', `/quarters/${quarterId}/handlungskonzept`, undefined, 200);
  for (const goal of concept.goals as Array<{ id: string; measures: unknown[] }>) {
    if (goal.measures.length > 0) continue;
    await must(ctx, 'POST', `/quarters/${quarterId}/measures`, { goalId: goal.id, title: 'Vorbereitung', ownerOrganisationId: randomUUID(), ...scheduled }, 201);
  }
}

async function submittedVersion(ctx: CaseContext, quarterId: string): Promise<string> {
  await completeConcept(ctx, quarterId);
  const version = await must(ctx, 'POST', `/quarters/${quarterId}/agreement/versions`, { weakActionFields: [], windowStart: WINDOW_START }, 201);
  return version.id;
}

const signers = new Map<string, string[]>();
/** A housing company and a municipality taking part in the quarter, each with a person who may sign (tokens). */
async function signersOf(ctx: CaseContext, quarterId: string): Promise<string[]> {
  const known = signers.get(quarterId);
  if (known) return known;
  const programmeId = ctx.model.quarters.get(quarterId)!.programmeId;
  const tokens: string[] = [];
  for (const type of ['housing_company', 'municipality']) {
    const org = await must(ctx, 'POST', '/organisations', { name: ctx.unique(type), type, programmeId }, 201);
    ctx.model.organisations.set(org.id, { programmeId });
    await must(ctx, 'POST', `/quarters/${quarterId}/memberships`, { organisationId: org.id, role: type === 'housing_company' ? 'lead_partner' : 'co_partner' }, 201);
    ctx.model.memberships.push({ quarterId, organisationId: org.id });
    const email = `${ctx.unique('zeichnung').replace(/\W+/g, '.').toLowerCase()}@fixture.genq.example`;
    const account = await must(ctx, 'POST', '/accounts', { email, displayName: 'Zeichnungsbefugt', password: ctx.password, role: 'partner', organisationId: org.id, canSign: true }, 201);
    ctx.model.accounts.set(account.id, { programmeIds: account.programmeIds, organisationId: org.id });
    tokens.push((await signIn(ctx.api, email, ctx.password)).accessToken);
  }
  signers.set(quarterId, tokens);
  return tokens;
}

/** Only callers that reach the service need a real version; the others are refused before. */
const reachesService = (ctx: CaseContext, quarterId: string | undefined, user: ModelUser | undefined, roles: string[]) =>
  !!quarterId && !!user && roles.includes(user.role) && ctx.model.visible(user, 'quarter', quarterId);

const versionPath = async (ctx: CaseContext, quarterId: string | undefined, user: ModelUser | undefined, suffix = '') => {
  const id = reachesService(ctx, quarterId, user, ['programme_admin', 'operator', 'viewer', 'facilitator', 'partner']) ? await submittedVersion(ctx, quarterId!) : randomUUID();
  return `/api/quarters/${quarterId}/agreement/versions/${id}${suffix}`;
};

export const AGREEMENT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/quarters/:quarterId/handlungskonzept': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:quarterId/handlungskonzept/pdf': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:quarterId/goals-workshops': { ok: 200, target: 'quarter', request: () => ({}) },
  // Recorded again in every round, so the case asks for a date ahead: refused the same way for every caller let through.
  'POST /api/quarters/:quarterId/goals-workshops': { ok: 400, okCode: 'request.invalid', target: 'quarter', request: () => ({ body: { date: '2999-12-31', participants: 'Routentest' } }) },
  // New goals and measures (here and in the set-ups of the milestone and status cases below) succeed because these
  // routes run before the version routes (the gateway declares them first): once a version of the quarter is
  // submitted, new ones are refused with 409 concept.locked.
  'POST /api/quarters/:quarterId/goals': {
    ok: 201,
    target: 'quarter',
    request: () => ({ body: { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen', indicator: 'Anzahl', targetValue: '10', targetDate: '2029-12-31', targetGroups: ['Hochbetagte'] } }),
  },
  'POST /api/quarters/:quarterId/measures': {
    ok: 201,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      const goal = await must(ctx, 'POST', `/quarters/${quarterId}/goals`, { actionFieldId: 'HF4', title: 'Begegnung', indicator: 'Treffen', targetValue: '12', targetDate: '2029-12-31' }, 201);
      return { body: { goalId: goal.id, title: 'Quartierstreff', ownerOrganisationId: randomUUID(), ...scheduled } };
    },
  },
  // A goal or measure nobody drafted: the quarter's concept may be submitted in an earlier round (then edits are refused), so every caller let through hears it is unknown.
  'PATCH /api/quarters/:quarterId/goals/:goalId': {
    ok: 404,
    okCode: 'goal.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/goals/${randomUUID()}`, body: { title: 'Routentest' } }),
  },
  'DELETE /api/quarters/:quarterId/goals/:goalId': {
    ok: 404,
    okCode: 'goal.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/goals/${randomUUID()}` }),
  },
  'PATCH /api/quarters/:quarterId/measures/:measureId': {
    ok: 404,
    okCode: 'measure.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/measures/${randomUUID()}`, body: { title: 'Routentest' } }),
  },
  'DELETE /api/quarters/:quarterId/measures/:measureId': {
    ok: 404,
    okCode: 'measure.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/measures/${randomUUID()}` }),
  },
  'POST /api/quarters/:quarterId/measures/:measureId/milestones/:index/reached': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      const goal = await must(ctx, 'POST', `/quarters/${quarterId}/goals`, { actionFieldId: 'HF1', title: 'Netzwerk', indicator: 'Partner', targetValue: '5', targetDate: '2029-12-31' }, 201);
      const measure = await must(ctx, 'POST', `/quarters/${quarterId}/measures`, {
        goalId: goal.id,
        title: 'Runder Tisch',
        ownerOrganisationId: randomUUID(),
        ...scheduled,
        milestones: [{ title: 'Erste Sitzung', due: '2027-06-30' }],
      }, 201);
      return { path: `/api/quarters/${quarterId}/measures/${measure.id}/milestones/1/reached` };
    },
  },
  'POST /api/quarters/:quarterId/measures/:measureId/status': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      const goal = await must(ctx, 'POST', `/quarters/${quarterId}/goals`, { actionFieldId: 'HF1', title: 'Netzwerk', indicator: 'Partner', targetValue: '5', targetDate: '2029-12-31' }, 201);
      const measure = await must(ctx, 'POST', `/quarters/${quarterId}/measures`, { goalId: goal.id, title: 'Runder Tisch', ownerOrganisationId: randomUUID(), ...scheduled }, 201);
      return { path: `/api/quarters/${quarterId}/measures/${measure.id}/status`, body: { status: 'in Umsetzung', reason: 'Routentest' } };
    },
  },
  'POST /api/quarters/:quarterId/justifications': {
    ok: 201,
    target: 'quarter',
    request: () => ({ body: { actionFieldId: 'HF3', text: 'Wird im Stadtumbau bearbeitet.' } }),
  },
  'POST /api/quarters/:quarterId/agreement/versions': {
    ok: 201,
    target: 'quarter',
    request: async (ctx, quarterId) => {
      await completeConcept(ctx, quarterId!);
      return { body: { weakActionFields: [], windowStart: WINDOW_START } };
    },
  },
  'GET /api/quarters/:quarterId/agreement/versions': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:quarterId/agreement/versions/:versionId': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId, user) => ({ path: await versionPath(ctx, quarterId, user) }),
  },
  'GET /api/quarters/:quarterId/agreement/versions/:versionId/pdf': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId, user) => ({ path: await versionPath(ctx, quarterId, user, '/pdf') }),
  },
  // The fixture partner has no signing authority (Zeichnungsbefugnis): in scope, the answer is
  // the service's 403 signature.no_authority (agreements.role_may_not for the other roles let through). Signing proper: e2e/test/agreements.e2e-spec.ts.
  'POST /api/quarters/:quarterId/agreement/versions/:versionId/signatures': {
    ok: 403,
    target: 'quarter',
    request: async (ctx, quarterId, user) => ({ path: await versionPath(ctx, quarterId, user, '/signatures') }),
  },
  'POST /api/quarters/:quarterId/agreement/versions/:versionId/review': {
    ok: 200,
    target: 'quarter',
    request: async (ctx, quarterId, user) => {
      let versionId: string = randomUUID();
      if (reachesService(ctx, quarterId, user, ['programme_admin'])) {
        const [company, municipality] = await signersOf(ctx, quarterId!);
        versionId = await submittedVersion(ctx, quarterId!);
        for (const token of [company, municipality]) await must(ctx, 'POST', `/quarters/${quarterId}/agreement/versions/${versionId}/signatures`, undefined, 201, token);
      }
      // Sent back, so the quarter can be submitted again by the next case.
      return { path: `/api/quarters/${quarterId}/agreement/versions/${versionId}/review`, body: { decision: 'sent_back', requiredChanges: 'Routentest' } };
    },
  },
  // No fixture quarter is certified: in scope, the answer is 404 certificate.not_found. Certificates: agreements.e2e-spec.ts.
  'GET /api/quarters/:quarterId/certificate': { ok: 404, okCode: 'certificate.not_found', target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:quarterId/certificate/pdf': { ok: 404, okCode: 'certificate.not_found', target: 'quarter', request: () => ({}) },
  'GET /api/certificates/verify/:code': { ok: 200, request: () => ({ path: '/api/certificates/verify/0123456789ABCDEF0123' }) },

  // Implementation: annual reports and amendments. No fixture quarter is certified: in scope, a
  // report or an amendment is refused with 409 (agreement.not_certified), and a named one is unknown (404).
  // The whole story on a certified quarter: agreements.e2e-spec.ts.
  'GET /api/quarters/:quarterId/agreement/history': { ok: 200, target: 'quarter', request: () => ({}) },
  'GET /api/quarters/:quarterId/reports': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/reports': { ok: 409, okCode: 'agreement.not_certified', target: 'quarter', request: () => ({ body: { year: 1, text: 'Routentest' } }) },
  'GET /api/quarters/:quarterId/reports/:reportId': { ok: 404, okCode: 'report.not_found', target: 'quarter', request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/reports/${randomUUID()}` }) },
  'PATCH /api/quarters/:quarterId/reports/:reportId': {
    ok: 404,
    okCode: 'report.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/reports/${randomUUID()}`, body: { text: 'Routentest' } }),
  },
  'POST /api/quarters/:quarterId/reports/:reportId/submission': {
    ok: 404,
    okCode: 'report.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/reports/${randomUUID()}/submission` }),
  },
  'POST /api/quarters/:quarterId/reports/:reportId/review': {
    ok: 404,
    okCode: 'report.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/reports/${randomUUID()}/review`, body: { decision: 'accepted' } }),
  },
  'GET /api/quarters/:quarterId/reports/:reportId/pdf': { ok: 404, okCode: 'report.not_found', target: 'quarter', request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/reports/${randomUUID()}/pdf` }) },
  'GET /api/quarters/:quarterId/amendments': { ok: 200, target: 'quarter', request: () => ({}) },
  'POST /api/quarters/:quarterId/amendments': {
    ok: 409,
    okCode: 'agreement.not_certified',
    target: 'quarter',
    request: () => ({ body: { description: 'Routentest', reason: 'Routentest', changes: [{ action: 'drop', measureId: randomUUID() }] } }),
  },
  'GET /api/quarters/:quarterId/amendments/:amendmentId': { ok: 404, okCode: 'amendment.not_found', target: 'quarter', request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/amendments/${randomUUID()}` }) },
  'POST /api/quarters/:quarterId/amendments/:amendmentId/signatures': {
    ok: 404,
    okCode: 'amendment.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/amendments/${randomUUID()}/signatures` }),
  },
  'POST /api/quarters/:quarterId/amendments/:amendmentId/acceptance': {
    ok: 404,
    okCode: 'amendment.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/amendments/${randomUUID()}/acceptance` }),
  },
  'POST /api/quarters/:quarterId/amendments/:amendmentId/rejection': {
    ok: 404,
    okCode: 'amendment.not_found',
    target: 'quarter',
    request: (_ctx, quarterId) => ({ path: `/api/quarters/${quarterId}/amendments/${randomUUID()}/rejection`, body: { reason: 'Routentest' } }),
  },
};
