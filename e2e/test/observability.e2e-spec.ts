import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { DEMO_ADMIN, ROOT, managementUrl } from '@genq/infra';
import { adminWithProgramme, completeStepsUpToGoalsWorkshop, eventually, processWhen, quarterWithSigners, recordGoalsWorkshop, startTestStack, type TestStack } from './support/api';

/**
 * Issue 15, "operators can see inside", against the running system: every app exports its
 * spans by OTLP/HTTP to a receiver this test runs, and one user action (an intervention, a
 * signature) is one connected trace across the gateway, NATS, the owning service and the
 * Temporal worker; every app serves Prometheus metrics and terminus probes on its management
 * port; the example alert rules name only served metrics; the logs are JSON lines with
 * trace and request ids and no credentials.
 */
jest.setTimeout(15 * 60_000);

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
}

/** An OTLP/HTTP receiver (JSON encoding, what @opentelemetry/exporter-trace-otlp-http sends). */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces') this.take(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private take(body: any): void {
    for (const rs of body.resourceSpans ?? []) {
      const service = (rs.resource?.attributes ?? []).find((a: any) => a.key === 'service.name')?.value?.stringValue ?? '?';
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          this.spans.push({ service, traceId: hex(s.traceId), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId ?? ''), name: s.name });
        }
      }
    }
  }

  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((s) => s.traceId === traceId);
  }
}

/** OTLP JSON carries ids as hex; some encoders send base64: both become hex. */
function hex(id: string): string {
  if (!id) return '';
  return /^[0-9a-f]+$/i.test(id) && (id.length === 32 || id.length === 16) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

/** A W3C traceparent for a request: the test is the caller, so it knows the trace id. */
function newTraceparent(): { header: string; traceId: string; parentId: string } {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${parentId}-01`, traceId, parentId };
}

/**
 * Waits until the spans of the trace form one tree under the caller's span (every parent is
 * the caller or a span of the trace) spanning at least `minServices` processes, and no new
 * span arrived for a while; returns the spans.
 */
async function connectedTrace(receiver: OtlpReceiver, traceId: string, callerSpanId: string, minServices: number): Promise<ReceivedSpan[]> {
  let last = -1;
  return eventually(
    async () => {
      const spans = receiver.trace(traceId);
      const ids = new Set(spans.map((s) => s.spanId));
      const connected = spans.length > 0 && spans.every((s) => s.parentSpanId === callerSpanId || ids.has(s.parentSpanId));
      const services = new Set(spans.map((s) => s.service));
      const settled = spans.length === last;
      last = spans.length;
      if (!connected || services.size < minServices || !settled) {
        await new Promise((r) => setTimeout(r, 1500));
        return false;
      }
      return spans;
    },
    `one connected trace ${traceId} across ${minServices} processes`,
    60_000,
  );
}

function summary(spans: ReceivedSpan[]): string {
  const byService = new Map<string, number>();
  for (const s of spans) byService.set(s.service, (byService.get(s.service) ?? 0) + 1);
  return `${spans.length} spans: ${[...byService].map(([k, v]) => `${k} ${v}`).join(', ')}`;
}

/** Metric family names of a Prometheus text exposition (from `# TYPE` lines and samples). */
function families(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) /.exec(line);
    if (type) out.add(type[1]!);
    else if (line && !line.startsWith('#')) out.add(line.split(/[{ ]/)[0]!);
  }
  return out;
}

const APPS = ['actors', 'analysis', 'agreements', 'worker', 'gateway'] as const;

describe('operators can see inside: traces, metrics, health, logs', () => {
  const receiver = new OtlpReceiver();
  let env: TestStack;
  let admin: string;
  const management: Record<string, string> = {};
  const scrapes: Record<string, string> = {};
  const P = 'genq-observe';
  let interventionQuarter = '';

  beforeAll(async () => {
    await receiver.start();
    env = await startTestStack('observe', {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200', LOG_FORMAT: 'json' },
    });
    for (const app of APPS) management[app] = await managementUrl(env.stack.apps[app]!);
    admin = await adminWithProgramme(env, P, 'GenQ Beobachtung');
  }, 20 * 60_000);

  afterAll(async () => {
    await env?.stop();
    await receiver.stop();
  });

  it('makes an intervention one connected trace from the HTTP request into the workflow', async () => {
    const { quarter } = await quarterWithSigners(env, admin, P, { name: 'Spuren Nord', municipality: 'Hamm', housingCompany: 'WBG Hamm', cityName: 'Stadt Hamm', mailDomain: 'trace-a.genq.example' });
    interventionQuarter = quarter.id;
    const tp = newTraceparent();
    const res = await env.api('POST', `/quarters/${quarter.id}/interventions`, {
      token: admin,
      headers: { traceparent: tp.header },
      body: { kind: 'extend_deadline', key: 'kickoff', by: 'P14D', reason: 'Partner noch nicht benannt' },
    });
    expect(res.status).toBe(200);
    const spans = await connectedTrace(receiver, tp.traceId, tp.parentId, 3);
    const services = new Set(spans.map((s) => s.service));
    expect([...services]).toEqual(expect.arrayContaining(['genq-gateway', 'genq-worker']));
    // Exactly one span continues the caller's: the gateway's HTTP server span, the root of the action.
    expect(spans.filter((s) => s.parentSpanId === tp.parentId).map((s) => `${s.service} ${s.name}`)).toEqual(['genq-gateway POST /api/quarters/:id/interventions']);
    // The update reached the workflow: a span of the workflow's handler in the worker.
    expect(spans.some((s) => s.service === 'genq-worker' && /update/i.test(s.name))).toBe(true);
    process.stdout.write(`intervention trace: ${summary(spans)}\n${spans.map((s) => `  ${s.service} ${s.name}`).join('\n')}\n`);
  });

  it('makes a signature one connected trace through the agreements service, its event and the process', async () => {
    const { quarter, q, company, ceo, mayor } = await quarterWithSigners(env, admin, P, { name: 'Spuren Süd', municipality: 'Unna', housingCompany: 'WBG Unna', cityName: 'Stadt Unna', mailDomain: 'trace-b.genq.example' });
    const as = env.apiAs(admin);
    await completeStepsUpToGoalsWorkshop(as, q, 'spuren');
    const goal = (await as('POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', baseline: '1', targetValue: '5', targetDate: '2029-12-31' }, 201)).body;
    await as('POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzug', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31', cost: 1000, funding: [{ source: 'company', amount: 1000 }] }, 201);
    await recordGoalsWorkshop(as, q);
    const version = (await as('POST', `${q}/agreement/versions`, { weakActionFields: ['HF2'], windowStart: '2027-01-01' }, 201)).body;
    const v = `${q}/agreement/versions/${version.id}`;
    await env.apiAs(ceo)('POST', `${v}/signatures`, undefined, 201);
    const tp = newTraceparent();
    const res = await env.api('POST', `${v}/signatures`, { token: mayor, headers: { traceparent: tp.header } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ becameBinding: true });
    await processWhen(as, q)((s) => s.currentStep === 'review_and_certification', 'the binding agreement to reach the process');
    const spans = await connectedTrace(receiver, tp.traceId, tp.parentId, 3);
    const services = [...new Set(spans.map((s) => s.service))];
    expect(services).toEqual(expect.arrayContaining(['genq-gateway', 'genq-agreements', 'genq-worker']));
    expect(spans.filter((s) => s.parentSpanId === tp.parentId).map((s) => s.service)).toEqual(['genq-gateway']);
    // The event from the outbox reached the worker's bridge in the same trace, and the workflow took the update.
    expect(spans.some((s) => s.service === 'genq-worker' && s.name.startsWith('process-bridge'))).toBe(true);
    expect(spans.some((s) => s.service === 'genq-worker' && /update/i.test(s.name))).toBe(true);
    process.stdout.write(`signature trace (quarter ${quarter.id}): ${summary(spans)}\n${spans.map((s) => `  ${s.service} ${s.name}`).join('\n')}\n`);
  });

  it('serves Prometheus metrics on every management port, without the API’s auth', async () => {
    const expected: Record<string, string[]> = {
      gateway: ['genq_http_server_duration_seconds', 'genq_rpc_client_duration_seconds', 'genq_nodejs_eventloop_lag_seconds'],
      actors: ['genq_rpc_server_duration_seconds', 'genq_outbox_unpublished_events', 'genq_outbox_lag_seconds', 'genq_events_dead_lettered_total', 'genq_jetstream_consumer_pending_messages', 'genq_quarters', 'genq_quarters_stalled', 'genq_quarters_overdue'],
      analysis: ['genq_rpc_server_duration_seconds', 'genq_outbox_unpublished_events', 'genq_outbox_lag_seconds'],
      agreements: ['genq_rpc_server_duration_seconds', 'genq_outbox_unpublished_events', 'genq_outbox_lag_seconds', 'genq_jetstream_consumer_pending_messages'],
      worker: ['genq_rpc_client_duration_seconds', 'genq_jetstream_consumer_pending_messages', 'genq_events_dead_lettered_total', 'temporal_workflow_task_schedule_to_start_latency_bucket', 'temporal_sticky_cache_size', 'temporal_sticky_cache_hit', 'temporal_workflow_task_execution_latency_bucket', 'temporal_activity_execution_latency_bucket'],
    };
    for (const app of APPS) {
      const res = await fetch(`${management[app]}/metrics`);
      expect(res.status).toBe(200);
      scrapes[app] = await res.text();
      const names = families(scrapes[app]);
      expect({ app, missing: expected[app]!.filter((n) => !names.has(n)) }).toEqual({ app, missing: [] });
      expect(scrapes[app]).toContain(`app="${app}"`);
    }
    // Latency by route template and by pattern, not by path.
    expect(scrapes.gateway).toMatch(/genq_http_server_duration_seconds_count\{[^}]*route="\/api\/quarters\/:id\/interventions"/);
    expect(scrapes.agreements).toMatch(/genq_rpc_server_duration_seconds_count\{[^}]*pattern="agreements\./);
    expect(scrapes.actors).toMatch(/genq_quarters\{[^}]*phase="/);
    // Not on the API's port.
    expect((await env.api('GET', '/metrics')).status).toBe(404);
  });

  it('names in the example alert rules only metrics the apps serve', () => {
    const rules = load(readFileSync(join(ROOT, 'infra/prometheus/alerts.yml'), 'utf8')) as { groups: Array<{ name: string; rules: Array<{ alert: string; expr: string }> }> };
    const served = new Set(Object.values(scrapes).flatMap((t) => [...families(t)]));
    expect(served.size).toBeGreaterThan(0);
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.map((a) => a.alert)).toEqual(expect.arrayContaining(['GenqStalledQuartersRising', 'GenqOutboxLag', 'GenqDeadLetters', 'GenqWorkflowTaskFailures', 'GenqWorkflowTaskScheduleToStartLatency']));
    // A counter appears with its first increment: the task-failure counter is declared by the
    // SDK only once a workflow task failed, which a healthy run never does.
    const onFirstOccurrence = new Set(['temporal_workflow_task_execution_failed']);
    const unserved = alerts.flatMap((a) => (a.expr.match(/\b(?:genq|temporal)_[a-z_]+/g) ?? []).filter((m) => !served.has(m) && !onFirstOccurrence.has(m)).map((m) => `${a.alert}: ${m}`));
    expect(unserved).toEqual([]);
  });

  it('logs JSON lines with trace and request ids, and no passwords', async () => {
    // A refused request: the gateway logs it with its request id and who asked, by id.
    const requestId = `observe-${randomBytes(6).toString('hex')}`;
    const refused = await env.api('POST', `/quarters/${interventionQuarter}/interventions`, { token: admin, headers: { 'x-request-id': requestId }, body: { kind: 'pause' } });
    expect(refused.status).toBe(400);
    const lines = readFileSync(join(env.dataDir, 'logs', 'gateway.log'), 'utf8').split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.every((e) => e.app === 'gateway' && typeof e.msg === 'string')).toBe(true);
    for (const app of APPS) {
      const text = readFileSync(join(env.dataDir, 'logs', `${app}.log`), 'utf8');
      expect(text).not.toMatch(/"password"\s*:\s*"(?!\[redacted\])/);
      expect(text).not.toContain('Bearer ');
    }
    const all = APPS.flatMap((app) => readFileSync(join(env.dataDir, 'logs', `${app}.log`), 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)));
    expect(all.some((e) => typeof e.traceId === 'string' && e.traceId.length === 32)).toBe(true);
    // Personal data stays out of the logs: the signed-in operator appears by id, never by e-mail address.
    expect(APPS.filter((app) => readFileSync(join(env.dataDir, 'logs', `${app}.log`), 'utf8').includes(DEMO_ADMIN.email))).toEqual([]);
    const line = await eventually(async () => {
      const entries = readFileSync(join(env.dataDir, 'logs', 'gateway.log'), 'utf8').split('\n').filter((l) => l.includes(requestId)).map((l) => JSON.parse(l));
      return entries.find((e) => e.status === 400);
    }, 'the access log entry of the refused request');
    expect(line).toMatchObject({ app: 'gateway', requestId, userId: expect.any(String), role: 'programme_admin', route: '/api/quarters/:id/interventions', traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('reports readiness 503 while NATS is away and liveness 200 throughout, then ready again', async () => {
    for (const app of APPS) expect((await fetch(`${management[app]}/health/ready`)).status).toBe(200);
    await env.stack.apps.nats!.kill();
    try {
      for (const app of ['actors', 'gateway', 'worker']) {
        const body = await eventually(async () => {
          const res = await fetch(`${management[app]}/health/ready`);
          return res.status === 503 && ((await res.json()) as any);
        }, `${app} readiness to fail without NATS`, 30_000);
        expect(body.error?.nats?.status).toBe('down');
        expect((await fetch(`${management[app]}/health/live`)).status).toBe(200);
      }
    } finally {
      await env.stack.restartNats();
    }
    for (const app of APPS) {
      await eventually(async () => (await fetch(`${management[app]}/health/ready`)).status === 200, `${app} ready again once NATS is back`, 90_000);
    }
  });
});
