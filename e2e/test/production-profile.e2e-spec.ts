import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, run, startProductionStack, type ProductionStack, type Stack } from '@genq/infra';
import { SEARCH_ATTRIBUTES } from '@genq/contracts/temporal';
import {
  adminWithProgramme,
  apiClient,
  callAs,
  completeStepsUpToGoalsWorkshop,
  consistencyReport,
  createQuarter,
  eventually,
  processWhen,
  signIn,
  type ApiResponse,
  type TestStack,
} from './support/api';

/**
 * Issue 15: the production profile (`npm run start:production`, infra/lib/production.cjs) on
 * the real engines: the Temporal server persisting to PostgreSQL with SQL visibility, every
 * service on PostgreSQL, a three-node NATS JetStream cluster, two replicas of every service and
 * two workers. The thin path and a quarter's first steps with an intervention and a batch run
 * through it; then, while writes and reads run, one replica of each service, one worker and one
 * NATS node are killed hard: every request is answered (a client retry on the documented 503
 * with Retry-After allowed), nothing acknowledged is lost, and the consistency check reports
 * 0 mismatches.
 */
jest.setTimeout(15 * 60_000);

describe('the production profile', () => {
  let stack: ProductionStack;
  let env: TestStack;
  let dataDir: string;
  let admin: string;
  const P = 'genq-production';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-production-'));
    const started = Date.now();
    // All of the fault test's five looping clients come from one loopback address: the gateway's
    // per-address limit (600 a minute, meant for one person) would answer them 429 on a fast machine.
    stack = await startProductionStack({ dataDir, withConsole: false, env: { RATE_LIMIT_PER_MINUTE: '100000' }, log: () => {} });
    // For the closing note: start-up without provisioning (the binaries are cached by then).
    console.log(`production profile started in ${((Date.now() - started) / 1000).toFixed(1)} s (processes ${(stack.timings.startMs / 1000).toFixed(1)} s)`);
    const api = apiClient(stack.gatewayUrl);
    env = {
      stack: stack as unknown as Stack,
      dataDir,
      gatewayUrl: stack.gatewayUrl,
      api,
      login: async (email, password = DEMO_PASSWORD) => (await signIn(api, email, password)).accessToken,
      apiAs: (token) => callAs(api, token),
      stop: () => stack.stop(),
    };
    admin = await adminWithProgramme(env, P, 'GenQ Produktionsprofil');
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (method: string, path: string, body?: unknown, expected?: number) => env.apiAs(admin)(method, path, body, expected);
  const temporal = async (...args: string[]) => {
    const r = await run(stack.temporalBin, [...args, '--address', stack.temporalAddress, '--output', 'json']);
    if (r.code !== 0) throw new Error(`temporal ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  it('runs the real engines: Temporal on PostgreSQL with the search attributes, a NATS cluster keeping three copies of every stream, two replicas of everything', async () => {
    expect((await as('GET', '/health')).status).toBe(200);
    expect(Object.keys(stack.apps).sort()).toEqual(['actors-1', 'actors-2', 'agreements-1', 'agreements-2', 'analysis-1', 'analysis-2', 'gateway-1', 'worker-1', 'worker-2']);
    // Not the dev server: the real server's persistence is PostgreSQL (its system info says which store).
    const system = await temporal('operator', 'cluster', 'describe');
    expect(JSON.stringify(system)).toMatch(/postgres/i);
    // The worker registered GenQ's search attributes on the namespace (SQL visibility keeps them per namespace).
    const attributes = JSON.stringify(await temporal('operator', 'search-attribute', 'list', '--namespace', 'default'));
    for (const key of Object.values(SEARCH_ATTRIBUTES)) expect(attributes).toContain(key.name);
    const jsz = await (await fetch(`${stack.natsMonitorUrls[0]}/jsz?accounts=true&streams=true&config=true`)).json();
    expect(jsz.meta_cluster?.cluster_size).toBe(3);
    const streams = (jsz.account_details ?? []).flatMap((a: { stream_detail?: Array<{ name: string; config: { num_replicas: number } }> }) => a.stream_detail ?? []);
    expect(streams.length).toBeGreaterThan(0);
    expect(streams.filter((s: { config: { num_replicas: number } }) => s.config.num_replicas !== 3).map((s: { name: string }) => s.name)).toEqual([]);
  });

  it('takes a quarter through its first steps with an intervention and a batch, and filters it by search attribute in Temporal', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Bochum-Hamme', municipality: 'Bochum', land: 'Nordrhein-Westfalen', housingCompany: 'VBW Bochum', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const extended = await as('POST', `${q}/interventions`, { kind: 'extend_deadline', key: 'analysis', by: 'P14D', reason: 'Daten der Kommune fehlen' }, 200);
    expect(extended.body).toMatchObject({ summaryCode: 'due' });
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'Hamme');
    const state = await processWhen(env.apiAs(admin), q)((s) => s.currentStep === 'goals_workshop', 'the process to reach the goals workshop');
    expect(state.interventions).toEqual([expect.objectContaining({ kind: 'extend_deadline', reason: 'Daten der Kommune fehlen' })]);

    const other = await createQuarter(env.apiAs(admin), { name: 'Bochum-Laer', municipality: 'Bochum', land: 'Nordrhein-Westfalen', housingCompany: 'VBW Bochum', programmeId: P });
    const filter = { programmeId: P, id: [quarter.id, other.id] };
    expect((await as('GET', `/interventions/batches/preview?filter=${encodeURIComponent(JSON.stringify(filter))}`, undefined, 200)).body.total).toBe(2);
    const batch = (await as('POST', '/interventions/batches', { filter, intervention: { kind: 'pause', reason: 'Sommerpause des Rates' } }, 202)).body;
    const done = await eventually(async () => {
      const b = (await as('GET', `/interventions/batches/${batch.id}`, undefined, 200)).body;
      return b.finished && b;
    }, 'the batch to finish', 90_000);
    expect(done).toMatchObject({ total: 2, applied: 2, refused: 0 });

    // Advanced visibility on PostgreSQL: the quarters are found by GenQ's search attributes.
    const listed = await eventually(async () => {
      const rows = await temporal('workflow', 'list', '--query', `GenqProgramme = '${P}' AND GenqStep = 'goals_workshop'`);
      return Array.isArray(rows) && rows.length === 1 && rows;
    }, 'the quarter to be found by its search attributes', 30_000);
    expect(JSON.stringify(listed)).toContain(quarter.id);
  });

  it('answers every request and loses nothing acknowledged while a replica of each service, a worker and a NATS node are killed', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Bochum-Werne', municipality: 'Bochum', land: 'Nordrhein-Westfalen', housingCompany: 'VBW Bochum', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const counts = { requests: 0, answered: 0, retried: 0, lost: 0, refused503: 0 };
    const unexpected: string[] = [];
    const failedRequests: string[] = [];
    /** One request with the retries a client makes: again after the 503's Retry-After, at most 20 times. */
    const call = async (method: string, path: string, body?: unknown): Promise<ApiResponse | undefined> => {
      counts.requests++;
      for (let attempt = 0; attempt < 20; attempt++) {
        if (attempt > 0) counts.retried++;
        const res = await as(method, path, body).catch((err: Error) => ({ status: 0, body: undefined, text: err.message, headers: new Headers() }) as ApiResponse);
        if (res.status === 503) {
          counts.refused503++;
          const retryAfter = res.headers.get('retry-after');
          if (!retryAfter) unexpected.push(`${method} ${path}: 503 without Retry-After`);
          await new Promise((r) => setTimeout(r, Number(retryAfter ?? 1) * 1000));
          continue;
        }
        if (res.status >= 500 || res.status === 0) {
          const requestId = (res.body as { requestId?: string } | undefined)?.requestId;
          if (requestId) failedRequests.push(requestId);
          unexpected.push(`${method} ${path}: ${res.status} [${requestId ?? 'no request id'}] ${res.text.slice(0, 200)}`);
        }
        counts.answered++;
        return res;
      }
      counts.lost++;
      return undefined;
    };

    const acknowledged = { events: [] as string[], goals: [] as string[] };
    let running = true;
    const writer = (n: number) =>
      (async () => {
        for (let i = 0; running; i++) {
          if (i % 3 === 2) {
            const res = await call('POST', `${q}/goals`, { actionFieldId: 'HF2', title: `Ziel ${n}-${i}`, indicator: 'Wohnungen', targetValue: '10', targetDate: '2029-12-31' });
            if (res?.status === 201) acknowledged.goals.push(res.body.id);
            else if (res) unexpected.push(`goal: ${res.status} ${res.text.slice(0, 200)}`);
          } else {
            const res = await call('POST', `${q}/participation-events`, { type: 'workshop', date: '2026-05-15', participants: { '18-64': 1 }, outcome: `Schreiber ${n}, Nr. ${i}` });
            if (res?.status === 201) acknowledged.events.push(res.body.id);
            else if (res) unexpected.push(`participation event: ${res.status} ${res.text.slice(0, 200)}`);
          }
        }
      })();
    const reader = () =>
      (async () => {
        for (let i = 0; running; i++) {
          const path = [q, `${q}/participation-events`, `${q}/handlungskonzept`, `${q}/process`, `${q}/indicators`][i % 5]!;
          const res = await call('GET', path);
          if (res && res.status !== 200) unexpected.push(`GET ${path}: ${res.status} ${res.text.slice(0, 200)}`);
        }
      })();
    const load = [...[1, 2, 3].map(writer), reader(), reader()];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    // The faults: hard kills (SIGKILL), no restart until the load has run on without them.
    await pause(3000);
    await stack.apps['actors-2']!.kill();
    await pause(1500);
    await stack.apps['agreements-2']!.kill();
    await pause(1500);
    await stack.apps['analysis-2']!.kill();
    await pause(1500);
    await stack.apps['worker-2']!.kill();
    await pause(1500);
    // The first node: every client's first URL, so most connections were on it.
    await stack.nats.kill(0);
    await pause(10_000);
    running = false;
    await Promise.all(load);
    console.log(`fault test: ${counts.requests} requests, ${counts.answered} answered, ${counts.retried} retries (${counts.refused503} answers were 503 with Retry-After), ${counts.lost} lost; acknowledged ${acknowledged.events.length} participation events and ${acknowledged.goals.length} goals`);

    // What the gateway logged for a failed request (its cause), since CI keeps only this output.
    if (failedRequests.length) {
      const log = readFileSync(join(dataDir, 'logs', 'gateway-1.log'), 'utf8').split('\n');
      console.log(`gateway log of the failed requests:\n${log.filter((line) => failedRequests.some((id) => line.includes(id))).join('\n').slice(0, 8000)}`);
    }
    expect(unexpected).toEqual([]);
    expect(counts.lost).toBe(0);
    expect(counts.answered).toBe(counts.requests);
    expect(acknowledged.events.length).toBeGreaterThan(10);
    expect(acknowledged.goals.length).toBeGreaterThan(3);

    // Nothing acknowledged is lost (a retried write whose first attempt was cut off by a crash may be stored twice).
    const stored = ((await as('GET', `${q}/participation-events`, undefined, 200)).body as Array<{ id: string }>).map((e) => e.id);
    expect(new Set(stored).size).toBe(stored.length);
    expect(acknowledged.events.filter((id) => !stored.includes(id))).toEqual([]);
    const goals = ((await as('GET', `${q}/handlungskonzept`, undefined, 200)).body.goals as Array<{ id: string }>).map((g) => g.id);
    expect(acknowledged.goals.filter((id) => !goals.includes(id))).toEqual([]);
    // The analysis service (its remaining replica) counts exactly what is stored, once. Events
    // the killed replica had taken come back after the consumer's ack wait (60 s) and the
    // consumer's pull may have to find the new leader after the NATS node's death: minutes, not
    // seconds (CI once took longer than 120 s). The failure says whether the count lags or is wrong.
    let counted = 0;
    await eventually(async () => {
      const values = (await as('GET', `${q}/indicators?filter=${encodeURIComponent(JSON.stringify({ indicatorId: 'participation_events' }))}`, undefined, 200)).body as Array<{ value: number }>;
      counted = values.reduce((n, v) => n + Number(v.value), 0);
      return counted === stored.length;
    }, 'the stored participation to be counted', 300_000).catch((err: Error) => {
      throw new Error(`${err.message} (stored ${stored.length}, counted ${counted})`);
    });

    // The killed processes come back; the NATS node rejoins and catches up.
    await stack.nats.restart(0);
    await Promise.all(['actors-2', 'agreements-2', 'analysis-2', 'worker-2'].map((name) => stack.replace(name)));
    await eventually(async () => (await as('GET', '/health')).status === 200, 'every service healthy again', 120_000);
    let last: unknown;
    await eventually(async () => {
      const report = consistencyReport(stack as unknown as Stack);
      last = report;
      return report.mismatches.length === 0 && report.unreadable.length === 0 && report.quarters >= 3;
    }, 'a consistency report without mismatches', 120_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}`);
    });
  });
});
