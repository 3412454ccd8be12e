import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, run, seedDemo, startStack, type Stack, type StackPorts, freeStackPorts } from '@genq/infra';
import { quarterWorkflowId } from '@genq/contracts';
import { consistencyReport, fieldCodes } from './support/api';

/**
 * The thin path through every layer, as separate processes exactly as `npm start` runs
 * them: gateway -> actors service (quarter + quarter.registered) -> NATS JetStream -> worker
 * (starts the workflow) -> Temporal -> worker -> actors read model -> gateway.
 */
describe('thin path across processes', () => {
  let dataDir: string;
  let ports: StackPorts;
  let stack: Stack;
  let api: (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any; headers: Headers }>;

  const start = async () => {
    stack = await startStack({ dataDir, ports, withConsole: false, log: () => {} });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-e2e-'));
    ports = await freeStackPorts();
    await start();
    // Every route but health and login needs a signed-in user: the demo's first programme admin.
    const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const accessToken = ((await login.json()) as { accessToken: string }).accessToken;
    api = async (method, route, body) => {
      const res = await fetch(`${stack.gatewayUrl}/api${route}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    };
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const describeWorkflow = async (workflowId: string) => {
    const r = await run(stack.temporalBin, ['workflow', 'describe', '--workflow-id', workflowId, '--address', stack.temporalAddress, '--output', 'json']);
    if (r.code !== 0) throw new Error(`temporal workflow describe failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  const eventually = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (ok(v)) return v;
      if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('reports Temporal, every service, every database and every event relay healthy', async () => {
    const res = await api('GET', '/health');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.components).sort()).toEqual([
      'actors',
      'actors-database',
      'actors-events',
      'agreements',
      'agreements-database',
      'agreements-events',
      'analysis',
      'analysis-database',
      'analysis-events',
      'temporal',
    ]);
    expect(res.body.components['agreements-events']).toMatchObject({ up: true, unpublished: 0 });
  });

  it('seeds the demo programme once, with a running workflow for every quarter', async () => {
    expect(await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} })).toBe(12);
    expect(await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} })).toBe(0);
    const list = await api('GET', '/quarters?range=[0,99]');
    expect(list.headers.get('content-range')).toBe('quarters 0-11/12');
    const lands = new Set(list.body.map((q: { land: string }) => q.land));
    expect(lands).toEqual(new Set(['Nordrhein-Westfalen', 'Niedersachsen']));
    const scharnhorst = list.body.find((q: { name: string }) => q.name === 'Scharnhorst-Ost');
    expect((await describeWorkflow(quarterWorkflowId(scharnhorst.id))).workflowExecutionInfo.status).toBe('WORKFLOW_EXECUTION_STATUS_RUNNING');
    const projected = await eventually(
      () => api('GET', '/quarters?range=[0,99]&filter={"phase":"implementation"}'),
      (r) => r.body.length === 4,
    );
    // Two joined in implementation; two were certified through the API (demo-quarters.cjs).
    expect(projected.body.map((q: { name: string }) => q.name).sort()).toEqual(
      ['Kamen-Methler', 'Köln-Chorweiler', 'Osnabrück-Schinkel', 'Unna-Königsborn'].sort(),
    );
  });

  const body = {
    name: 'Marxloh-Süd',
    municipality: 'Duisburg',
    kreis: 'Kreisfreie Stadt Duisburg',
    land: 'Nordrhein-Westfalen',
    housingCompany: 'GEBAG',
    programmeId: 'genq-nrw-2026',
  };
  let createdId: string;

  it('creates a quarter and the worker starts its lifecycle workflow quarter-<id>; the same request again changes nothing', async () => {
    const created = await api('POST', '/quarters', body);
    expect(created.status).toBe(201);
    createdId = created.body.id;
    // The gateway wrote once (actors); the worker starts the workflow from quarter.registered a moment later.
    const started = await eventually(
      () => api('GET', `/quarters/${createdId}`),
      (r) => r.body.workflowStartedAt !== null && r.body.process !== null,
    );
    expect(started.body.process).toMatchObject({ phase: 'development', currentStep: 'kickoff' });
    const again = await api('POST', '/quarters', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(createdId);
    const wf = await describeWorkflow(quarterWorkflowId(createdId));
    expect(wf.workflowExecutionInfo.type.name).toBe('quarterLifecycleWorkflow');
    const list = await api('GET', '/quarters?filter={"municipality":"Duisburg"}');
    expect(list.body).toHaveLength(1);
  });

  it('shows the projected phase and step in the list and the live process on the detail', async () => {
    const listed = await eventually(
      () => api('GET', '/quarters?filter={"municipality":"Duisburg"}&sort=["name","ASC"]&range=[0,9]'),
      (r) => r.body[0]?.phase === 'development',
    );
    expect(listed.body[0]).toMatchObject({ id: createdId, phase: 'development', currentStep: 'kickoff' });
    const detail = await api('GET', `/quarters/${createdId}`);
    expect(detail.body.process.steps).toHaveLength(7);
  });

  it('answers bad input with 400 and field messages, also when the service finds the error', async () => {
    const gatewayCheck = await api('POST', '/quarters', { ...body, name: '', land: 'Atlantis', extra: true });
    expect(gatewayCheck.status).toBe(400);
    expect(gatewayCheck.body.code).toBe('request.invalid');
    expect(fieldCodes(gatewayCheck.body)).toEqual({ extra: 'validation.whitelistValidation', land: 'validation.isIn', name: 'validation.required' });
    // German unless the request asks otherwise.
    expect(gatewayCheck.body.errors.find((e: { field: string }) => e.field === 'name').message).toBe('„Name“ ist ein Pflichtfeld.');
    const serviceCheck = await api('POST', '/quarters', { ...body, name: 'Neu', programmeId: 'gibt-es-nicht' });
    expect(serviceCheck.status).toBe(400);
    expect(fieldCodes(serviceCheck.body)).toEqual({ programmeId: 'programme.unknown' });
    const badList = await api('GET', '/quarters?sort=["name;drop","ASC"]');
    expect(badList.status).toBe(400);
    expect(badList.body).toMatchObject({ code: 'list.invalid', errors: [{ field: 'sort', code: 'list.sort_unknown' }] });
    expect((await api('GET', '/quarters/not-a-uuid')).status).toBe(400);
    expect((await api('GET', '/quarters/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('starts the workflow of a quarter registered while the worker was down, from the event stream: never a quarter without a workflow', async () => {
    // The worker crashes; the registration is still acknowledged, with its fact in actors' outbox.
    await stack.apps.worker!.kill();
    const registered = await api('POST', '/quarters', { ...body, name: 'Hochfeld' });
    expect(registered.status).toBe(201);
    const id: string = registered.body.id;
    expect(registered.body).toMatchObject({ workflowStartedAt: null, process: null });
    const waiting = await api('GET', `/quarters/${id}/process`);
    expect(waiting.status).toBe(404);
    expect(waiting.body).toMatchObject({ code: 'quarter.no_process', params: { quarterId: id } });
    // The worker comes back and takes quarter.registered from the stream (its durable consumer).
    const worker = await stack.replaceWorker();
    const healed = await eventually(
      () => api('GET', `/quarters/${id}`),
      (r) => r.body.workflowStartedAt !== null && r.body.process !== null,
    );
    expect(healed.body.process.currentStep).toBe('kickoff');
    expect((await api('GET', `/quarters/${id}/process`)).body).toMatchObject({ phase: 'development', currentStep: 'kickoff' });
    const workerLog = readFileSync(worker.logFile, 'utf8');
    expect(workerLog).toContain(`lifecycle workflow of quarter ${id} (quarter-registered:${id})`);
    // And the client's retry of the request finds the same quarter, one run.
    const retry = await api('POST', '/quarters', { ...body, name: 'Hochfeld' });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(id);
    // The operator's consistency check finds every process where its quarter says (last: it blocks this process for a while).
    expect(consistencyReport(stack)).toMatchObject({ mismatches: [], unreadable: [] });
  });

  it('keeps every quarter and running workflow across a stop and a start', async () => {
    await stack.stop();
    await start();
    // The access token from before still works: the signing secret and the session were kept.
    const detail = await api('GET', `/quarters/${createdId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.process).toMatchObject({ phase: 'development', currentStep: 'kickoff' });
    const list = await api('GET', '/quarters?range=[0,0]');
    expect(list.headers.get('content-range')).toBe('quarters 0-0/14');
  });

  it('answers 503 naming what is down', async () => {
    await stack.apps.analysis!.stop();
    const res = await api('GET', '/health');
    expect(res.status).toBe(503);
    expect(res.body.down).toEqual(['analysis', 'analysis-database']);
    // Without NATS no service can be reached (requests travel over NATS too), at once, not after a timeout.
    await stack.apps.nats!.kill();
    const withoutNats = await eventually(
      () => api('GET', '/health'),
      (r) => r.body.down.includes('actors'),
    );
    expect(withoutNats.body.down).toEqual(expect.arrayContaining(['actors', 'actors-database', 'agreements', 'agreements-database']));
    // The gateway's refusal is a plain 503, quickly.
    const startedAt = Date.now();
    expect((await api('GET', '/quarters')).status).toBe(503);
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });
});
