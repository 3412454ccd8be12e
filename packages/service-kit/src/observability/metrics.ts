import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics, served at `/metrics` on the management port. Every
 * series carries `app` (actors, analysis, agreements, worker, gateway); the names are what
 * `infra/prometheus/alerts.yml` and docs/operations.md refer to.
 */
export const registry = new Registry();
let defaultsOn = false;

/** Names the app in every series and adds Node's process metrics (heap, event loop lag, GC). */
export function initMetrics(app: string): void {
  if (defaultsOn) return;
  defaultsOn = true;
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: 'genq_' });
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The gateway's answers, by route template (not the path: ids would explode the series). */
export const httpDuration = new Histogram({
  name: 'genq_http_server_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route template and status code',
  labelNames: ['method', 'route', 'status'],
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** Requests a service answered over NATS, by message pattern. */
export const rpcServerDuration = new Histogram({
  name: 'genq_rpc_server_duration_seconds',
  help: 'Time to answer a request over NATS, by message pattern and outcome (ok, error)',
  labelNames: ['pattern', 'outcome'],
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** Requests this process sent to a service, by target service and pattern. */
export const rpcClientDuration = new Histogram({
  name: 'genq_rpc_client_duration_seconds',
  help: 'Time until a service answered a request over NATS, by service, pattern and outcome (ok, error, unavailable)',
  labelNames: ['service', 'pattern', 'outcome'],
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** Events a consumer gave up on (sent to the dead letter stream). */
export const deadLettered = new Counter({
  name: 'genq_events_dead_lettered_total',
  help: 'Events a consumer gave up on and sent to the dead letter stream, by consumer',
  labelNames: ['consumer'],
  registers: [registry],
});

/** Events a consumer handled, by consumer and outcome (ok, retry, dead). */
export const eventsConsumed = new Counter({
  name: 'genq_events_consumed_total',
  help: 'Deliveries of events to a consumer, by consumer and outcome (ok, retry, dead)',
  labelNames: ['consumer', 'outcome'],
  registers: [registry],
});

type Collect = () => Promise<void> | void;
const collectors = new Map<string, Collect>();

/**
 * A gauge whose values are read when Prometheus scrapes (a count in the database, a
 * consumer's pending messages); several sources may set it (one per consumer, say), each
 * under its own key, and a failing source leaves the others.
 */
export function scrapedGauge(name: string, help: string, labelNames: string[]): Gauge {
  const existing = registry.getSingleMetric(name) as Gauge | undefined;
  if (existing) return existing;
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const mine = [...collectors.entries()].filter(([key]) => key.startsWith(`${name}\u0000`));
      await Promise.all(mine.map(([, fn]) => Promise.resolve(fn()).catch(() => undefined)));
    },
  });
}

/** Registers (or replaces) the source `key` of a scraped gauge; returns its removal. */
export function onScrape(gauge: string, key: string, collect: Collect): () => void {
  const k = `${gauge}\u0000${key}`;
  collectors.set(k, collect);
  return () => {
    collectors.delete(k);
  };
}

export const outboxUnpublished = scrapedGauge('genq_outbox_unpublished_events', 'Events recorded in the outbox and not yet published to NATS', []);
export const outboxLag = scrapedGauge('genq_outbox_lag_seconds', 'Age of the oldest unpublished event in the outbox (0 when none waits)', []);
export const outboxFailing = scrapedGauge('genq_outbox_failed_publish_events', 'Unpublished events whose publishing failed at least once', []);
export const consumerPending = scrapedGauge('genq_jetstream_consumer_pending_messages', "Messages of the event stream a durable consumer has not yet been delivered", ['consumer']);
export const consumerAckPending = scrapedGauge('genq_jetstream_consumer_ack_pending_messages', 'Messages delivered to a durable consumer and not yet acknowledged', ['consumer']);
export const consumerRedelivered = scrapedGauge('genq_jetstream_consumer_redelivered_messages', 'Messages a durable consumer has had delivered more than once and not yet acknowledged', ['consumer']);

/** Text of the Prometheus exposition, with any extra text (the Temporal SDK's metrics) appended. */
export async function scrapeMetrics(extra: Array<() => Promise<string>> = []): Promise<string> {
  const own = await registry.metrics();
  const more = await Promise.all(extra.map((fn) => fn().catch(() => '')));
  return [own, ...more].filter(Boolean).join('\n');
}

interface HttpReq {
  method?: string;
  route?: { path?: string };
  baseUrl?: string;
}
interface HttpRes {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Express middleware timing every answer by route template (`/api/quarters/:id`); a request
 * that matched no route counts as `unmatched`, so unknown paths cannot add series.
 */
export function httpMetricsMiddleware(req: HttpReq, res: HttpRes, next: () => void): void {
  const started = process.hrtime.bigint();
  let done = false;
  const record = () => {
    if (done) return;
    done = true;
    const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
    httpDuration.observe({ method: req.method ?? 'GET', route, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
  };
  res.once('finish', record);
  res.once('close', record);
  next();
}
