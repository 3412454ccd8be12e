import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEMO_ADMIN, DEMO_PASSWORD, ROOT, freeStackPorts, seedDemo, startStack, type Stack } from '@genq/infra';

/** A small HTTP client for the gateway under test: JSON in, parsed JSON (or text) out. */
export interface ApiResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  raw?: string;
  headers?: Record<string, string>;
}

export type Api = (method: string, route: string, options?: CallOptions) => Promise<ApiResponse>;

export function apiClient(gatewayUrl: string): Api {
  return async (method, route, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${gatewayUrl}${route.startsWith('/api') ? '' : '/api'}${route}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
}

/** Signs in; returns the whole token response. */
export async function signIn(api: Api, email: string, password: string): Promise<{ accessToken: string; refreshToken: string; user: any }> {
  const res = await api('POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
  return res.body;
}

/** A call as one account: with `expected`, any other status throws with the answer. */
export type Call = (method: string, route: string, body?: unknown, expected?: number) => Promise<ApiResponse>;

export function callAs(api: Api, token: string | undefined): Call {
  return async (method, route, body, expected) => {
    const res = await api(method, route, { token, ...(body !== undefined ? { body } : {}) });
    if (expected !== undefined && res.status !== expected) throw new Error(`${method} ${route}: ${res.status}, expected ${expected}: ${res.text}`);
    return res;
  };
}

/** The whole system as `npm start` runs it, in a data directory of its own. */
export interface TestStack {
  stack: Stack;
  dataDir: string;
  gatewayUrl: string;
  api: Api;
  /** Signs in (the demo password unless given) and returns the access token. */
  login(email: string, password?: string): Promise<string>;
  apiAs(token: string | undefined): Call;
  /** Stops every process and removes the data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the stack in a fresh `genq-<name>-*` temp directory, with the console and the demo
 * data when asked (and extra environment for every app); cleans up after itself when the start fails.
 */
export async function startTestStack(name: string, options: { withConsole?: boolean; seed?: boolean; env?: Record<string, string> } = {}): Promise<TestStack> {
  const withConsole = options.withConsole ?? false;
  const dataDir = mkdtempSync(join(tmpdir(), `genq-${name}-`));
  let stack: Stack | undefined;
  try {
    stack = await startStack({ dataDir, ports: await freeStackPorts({ withConsole }), withConsole, log: () => {}, env: options.env ?? {} });
    if (options.seed) await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} });
  } catch (err) {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const started = stack;
  const api = apiClient(started.gatewayUrl);
  return {
    stack: started,
    dataDir,
    gatewayUrl: started.gatewayUrl,
    api,
    login: async (email, password = DEMO_PASSWORD) => (await signIn(api, email, password)).accessToken,
    apiAs: (token) => callAs(api, token),
    stop: async () => {
      await started.stop();
      // GENQ_KEEP_TEST_DATA=1 keeps the logs and databases of a run, to look into a failure.
      if (!process.env.GENQ_KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Puts a programme on the default catalogue and its calendar (with `overrides`, e.g. a compressed implementation phase); returns a new admin token that has it in scope. */
export async function adminWithProgramme(env: TestStack, id: string, name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const calendar = { ...JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar, ...overrides };
  await env.apiAs(await env.login(DEMO_ADMIN.email))('PUT', `/programmes/${id}`, { id, name, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar }, 200);
  return env.login(DEMO_ADMIN.email);
}

/** Criteria of the default catalogue (genq-default@1.0.0). */
const DEFAULT_CRITERIA: string[] = JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).actionFields.flatMap(
  (af: { criteria: Array<{ id: string }> }) => af.criteria.map((c) => c.id),
);

/**
 * Records the kick-off (Auftakt) as the partners would: a person of each of the first two
 * member organisations (made when the quarter has fewer) leads the project, a facilitator of a
 * new organisation takes part, the declaration is signed today.
 */
export async function recordKickoff(call: Call, quarterRoute: string, label: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const memberships = (await call('GET', `${quarterRoute}/memberships`, undefined, 200)).body as Array<{ organisationId: string }>;
  const programmeId = (await call('GET', quarterRoute, undefined, 200)).body.programmeId as string;
  const orgs = [...new Set(memberships.map((m) => m.organisationId))];
  while (orgs.length < 2) {
    const org = (await call('POST', '/organisations', { name: `${label} Partner ${orgs.length + 1}`, type: orgs.length ? 'municipality' : 'housing_company', programmeId }, 201)).body;
    await call('POST', `${quarterRoute}/memberships`, { organisationId: org.id, role: orgs.length ? 'co_partner' : 'lead_partner' }, 201);
    orgs.push(org.id);
  }
  const person = async (organisationId: string, name: string) => (await call('POST', '/people', { organisationId, name }, 201)).body.id as string;
  const moderation = (await call('POST', '/organisations', { name: `${label} Moderation`, type: 'welfare_organisation', programmeId }, 201)).body.id as string;
  await call(
    'POST',
    `${quarterRoute}/kickoff`,
    {
      date: today,
      housingCompanyLeadId: await person(orgs[0]!, `${label} Projektleitung Wohnungsunternehmen`),
      municipalityLeadId: await person(orgs[1]!, `${label} Projektleitung Kommune`),
      facilitatorId: await person(moderation, `${label} Prozessbegleitung`),
      declarationSignedOn: today,
    },
    201,
  );
}

/**
 * Completes a quarter's first four development steps through their deliverables, as the
 * partners would: the kick-off record (naming a person of each of the first two member
 * organisations as project leads, and a facilitator), the analysis (every criterion rated as a
 * strength, so no action field turns weak), the strategy workshop's priorities, and a
 * participation event with the participation record. The goals workshop follows once goals
 * and measures are drafted: {@link recordGoalsWorkshop}.
 */
export async function completeStepsUpToGoalsWorkshop(call: Call, quarterRoute: string, label: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  // Deliverables recorded before (a seeded quarter) stay as they are.
  if ((await call('GET', `${quarterRoute}/kickoff`)).status === 204) await recordKickoff(call, quarterRoute, label);
  const analysis = (await call('GET', `${quarterRoute}/analysis`, undefined, 200)).body;
  if (analysis.status !== 'submitted') {
    await call('PUT', `${quarterRoute}/ratings`, { ratings: DEFAULT_CRITERIA.map((criterionId) => ({ criterionId, rating: 3, evidence: `${label}: Begehung` })) }, 200);
    await call('POST', `${quarterRoute}/analysis/submit`, undefined, 200);
  }
  if (!analysis.priorities?.length) await call('POST', `${quarterRoute}/analysis/priorities`, { priorities: ['HF2'] }, 200);
  if ((await call('GET', `${quarterRoute}/participation-record`)).status === 204) {
    await call('POST', `${quarterRoute}/participation-events`, { type: 'workshop', date: today, participants: { '18-64': 12, '65-79': 5 }, outcome: `${label}: Treffpunkt gewünscht` }, 201);
    await call('POST', `${quarterRoute}/participation-record`, { closedOn: today, proposals: [{ text: 'Treffpunkt für alle Generationen', actionFieldId: 'HF3' }] }, 201);
  }
}

/** Records the goals workshop on the drafted goals and measures (Zielvereinbarungsworkshop). */
export async function recordGoalsWorkshop(call: Call, quarterRoute: string): Promise<void> {
  await call('POST', `${quarterRoute}/goals-workshops`, { date: new Date().toISOString().slice(0, 10), participants: 'Wohnungsunternehmen, Kommune, Prozessbegleitung' }, 201);
}

/**
 * Waits until `probe` returns a truthy value (the process and the services follow each
 * other through the event stream, a moment after the request that caused it); returns it.
 */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until the worker has started the quarter's lifecycle workflow: registration answers
 * at once, and the worker starts the workflow from actors' `quarter.registered` a moment
 * later. Returns the quarter as `GET /quarters/:id` answers then (with its live process).
 */
export function processStarted(call: Call, quarterId: string, timeoutMs = 30_000): Promise<any> {
  return eventually(async () => {
    const quarter = (await call('GET', `/quarters/${quarterId}`, undefined, 200)).body;
    return quarter.workflowStartedAt && quarter.process ? quarter : false;
  }, `the lifecycle workflow of quarter ${quarterId} to start`, timeoutMs);
}

/** Registers a quarter (201) and waits until its process runs; see {@link processStarted}. */
export async function createQuarter(call: Call, body: Record<string, unknown>): Promise<any> {
  const created = (await call('POST', '/quarters', body, 201)).body;
  return processStarted(call, created.id);
}

/** What `npm run check:consistency` reports for the stack (the operator's tool, run as a process). */
export function consistencyReport(stack: Stack): { quarters: number; mismatches: Array<{ quarterId: string; code: string; owner: string; process: unknown; service: unknown }>; unreadable: unknown[] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'apps/worker/dist/consistency/cli.js'), '--json'], { env: { ...process.env, ...stack.appEnv }, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check:consistency exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Waits until the quarter's process (`GET <q>/process`) satisfies `until`; returns that state. */
export function processWhen(call: Call, q: string, timeoutMs = 90_000) {
  return (until: (state: any) => boolean, what: string) =>
    eventually(async () => {
      const state = (await call('GET', `${q}/process`, undefined, 200)).body;
      return until(state) && state;
    }, what, timeoutMs);
}

/**
 * A new quarter of `programmeId` with its housing company and municipality taking part, and
 * for each a partner account with signing authority (`ceo`, `mayor`), signed in.
 */
export async function quarterWithSigners(
  env: TestStack,
  admin: string,
  programmeId: string,
  o: { name: string; municipality: string; housingCompany: string; cityName: string; mailDomain: string },
) {
  const as = env.apiAs(admin);
  const quarter = await createQuarter(as, { name: o.name, municipality: o.municipality, land: 'Nordrhein-Westfalen', housingCompany: o.housingCompany, programmeId });
  const q = `/quarters/${quarter.id}`;
  const org = async (name: string, type: string, role: string) => {
    const created = (await as('POST', '/organisations', { name, type, programmeId }, 201)).body;
    await as('POST', `${q}/memberships`, { organisationId: created.id, role }, 201);
    return created.id as string;
  };
  const company = await org(o.housingCompany, 'housing_company', 'lead_partner');
  const city = await org(o.cityName, 'municipality', 'co_partner');
  const signer = async (key: string, organisationId: string) => {
    const email = `${key}@${o.mailDomain}`;
    await as('POST', '/accounts', { email, displayName: key, password: DEMO_PASSWORD, role: 'partner', organisationId, canSign: true }, 201);
    return env.login(email);
  };
  return { quarter, q, company, city, ceo: await signer('vorstand', company), mayor: await signer('verwaltungsspitze', city) };
}

/**
 * The field problems of a 400 (application/problem+json), by field: `{ name: 'validation.required' }`.
 * Tests assert on codes, never on the wording of a message.
 */
export function fieldCodes(body: { errors?: Array<{ field: string; code: string }> } | undefined): Record<string, string> {
  return Object.fromEntries((body?.errors ?? []).map((e) => [e.field, e.code]));
}
