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
 * data when asked; cleans up after itself when the start fails.
 */
export async function startTestStack(name: string, options: { withConsole?: boolean; seed?: boolean } = {}): Promise<TestStack> {
  const withConsole = options.withConsole ?? false;
  const dataDir = mkdtempSync(join(tmpdir(), `genq-${name}-`));
  let stack: Stack | undefined;
  try {
    stack = await startStack({ dataDir, ports: await freeStackPorts({ withConsole }), withConsole, log: () => {} });
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Puts a programme on the default catalogue and its calendar (with `overrides`, e.g. a compressed implementation phase); returns a new admin token that has it in scope. */
export async function adminWithProgramme(env: TestStack, id: string, name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const calendar = { ...JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar, ...overrides };
  await env.apiAs(await env.login(DEMO_ADMIN.email))('PUT', `/programmes/${id}`, { id, name, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar }, 200);
  return env.login(DEMO_ADMIN.email);
}

/** Records the events that take a quarter's process up to Abstimmung und Beschluss (ids `<prefix>-0` …). */
export async function recordStepsUpToDecision(call: Call, quarterRoute: string, eventIdPrefix: string): Promise<void> {
  for (const [i, ev] of [
    { type: 'kickoff_recorded' },
    { type: 'analysis_submitted' },
    { type: 'workshop_recorded', workshop: 'strategy_workshop' },
    { type: 'participation_recorded' },
    { type: 'workshop_recorded', workshop: 'goals_workshop' },
  ].entries()) {
    await call('POST', `${quarterRoute}/events`, { eventId: `${eventIdPrefix}-${i}`, ...ev }, 200);
  }
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

/** What `npm run check:consistency` reports for the stack (the operator's tool, run as a process). */
export function consistencyReport(stack: Stack): { quarters: number; mismatches: Array<{ quarterId: string; code: string; process: unknown; agreements: unknown }>; unreadable: unknown[] } {
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
  const quarter = (await as('POST', '/quarters', { name: o.name, municipality: o.municipality, land: 'Nordrhein-Westfalen', housingCompany: o.housingCompany, programmeId }, 201)).body;
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
