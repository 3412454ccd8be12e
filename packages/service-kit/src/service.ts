import 'reflect-metadata';
import { Logger, Module, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServerNats, type NatsContext } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { AuditContextInterceptor } from './audit';
import { RpcErrorFilter, validationPipe } from './errors';
import { ConfigError, type ServiceConfig } from './config';
import type { NatsConfig } from './events/nats';
import { natsRpcOptions, rpcQueueGroup } from './rpc-client';
import { contextFromHeaders, context, SpanKind, SpanStatusCode, trace, tracer, type Span } from './observability/telemetry';
import { PinoNestLogger, registerLogContext, rootLogger } from './observability/logging';
import { initMetrics, rpcServerDuration } from './observability/metrics';
import { startManagement } from './observability/management';
import { ObservabilityHealthModule, ReadinessChecks, registerReadinessProbe } from './observability/health.module';
import { currentAuditContext } from './audit';

/**
 * How long a stopping replica keeps answering the requests it already has, after it left its
 * queue group (new requests go to the other replicas meanwhile).
 */
export const RPC_GRACE_PERIOD_MS = 2000;

/**
 * The NATS transport with queue groups and a stop that loses no request: it drains its
 * subscriptions first (NATS confirms it routes nothing more here; what it already sent is
 * still handled, where Nest's own graceful stop would drop it) and waits up to the grace
 * period for the answers in flight, then closes the connection.
 */
class QueueGroupNatsServer extends ServerNats {
  private readonly subs: Subscription[] = [];
  private inFlight = 0;
  private settledWaiters: Array<() => void> = [];
  /** Connected to NATS right now (the client reconnects by itself; readiness reports it). */
  linkUp = false;

  constructor(
    options: ConstructorParameters<typeof ServerNats>[0],
    private readonly queue: string,
    private readonly gracePeriodMs: number,
  ) {
    super(options);
  }

  override bindEvents(client: NatsConnection): void {
    this.linkUp = true;
    void this.watch(client);
    for (const channel of this.messageHandlers.keys()) {
      const handle = this.getMessageHandler(channel).bind(this);
      // Each request is a server span, child of the caller's span whose context the message's
      // headers carry; the handler runs inside it (its logs, its requests and its events carry
      // the trace), and it ends when the answer is sent (see getPublisher).
      const callback = (err: Error | null, msg: Msg) => {
        const parent = contextFromHeaders((name) => msg?.headers?.get(name) || undefined);
        const span = tracer().startSpan(channel, { kind: SpanKind.SERVER, attributes: { 'messaging.system': 'nats', 'rpc.system': 'nats', 'rpc.method': channel } }, parent);
        const started = process.hrtime.bigint();
        Object.assign(span, { [STARTED]: started });
        return context.with(trace.setSpan(parent, span), () => handle(err, msg));
      };
      this.subs.push(client.subscribe(channel, { queue: this.queue, callback }));
    }
  }

  private async watch(client: NatsConnection): Promise<void> {
    for await (const status of client.status()) {
      if (status.type === 'disconnect') this.linkUp = false;
      else if (status.type === 'reconnect') this.linkUp = true;
    }
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: { isDisposed?: boolean; status?: string }) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    this.inFlight++;
    let settled = false;
    const span = trace.getSpan(context.active()) as (Span & { [STARTED]?: bigint }) | undefined;
    return (response) => {
      try {
        return publish(response);
      } catch (err) {
        // NATS refuses an answer over its max_payload (or the connection is gone): this must
        // not become an unhandled rejection that ends the process; the caller gets a 500.
        this.logger.error(`cannot answer ${natsMsg.subject}: ${(err as Error).message}`);
        try {
          return publish({ err: { status: 500, message: 'the answer is too large for the message bus' }, isDisposed: true } as typeof response);
        } catch {
          return undefined;
        }
      } finally {
        // The last packet of an answer is marked disposed; a missing handler answers with one error packet.
        if (!settled && (response.isDisposed || response.status === 'error')) {
          settled = true;
          endRequestSpan(natsMsg.subject, span, response);
          if (--this.inFlight === 0) for (const wake of this.settledWaiters.splice(0)) wake();
        }
      }
    };
  }

  override async close(): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, this.gracePeriodMs).unref());
    // Bounded: while NATS is away a drain cannot be confirmed.
    await Promise.race([Promise.all(this.subs.splice(0).map((sub) => sub.drain().catch(() => undefined))), deadline]);
    if (this.inFlight > 0) await Promise.race([new Promise<void>((resolve) => this.settledWaiters.push(resolve)), deadline]);
    await super.close();
  }
}

const STARTED = Symbol('genq.rpc.started');

/** Ends a request's span and records its latency under its pattern. */
function endRequestSpan(pattern: string, span: (Span & { [STARTED]?: bigint }) | undefined, response: { err?: unknown; status?: string }): void {
  const failed = Boolean(response.err) || response.status === 'error';
  if (span?.[STARTED] !== undefined) {
    rpcServerDuration.observe({ pattern, outcome: failed ? 'error' : 'ok' }, Number(process.hrtime.bigint() - span[STARTED]) / 1e9);
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: String((response.err as { message?: string } | undefined)?.message ?? 'error') });
    span.end();
  }
}

/**
 * Starts one NestJS microservice on the NATS transport with the shared error filter and
 * validation pipe, so every service answers errors the same way, and the audit context
 * interceptor, so every handler knows who asked. Every message pattern is a
 * subject, subscribed in the service's queue group: replicas share the requests. The first
 * connection waits for NATS (a service may start before it), later ones reconnect forever.
 */
export async function startMicroservice(
  name: string,
  module: Type<unknown> | DynamicModule,
  nats: NatsConfig,
  { gracePeriodMs = RPC_GRACE_PERIOD_MS }: { gracePeriodMs?: number } = {},
): Promise<INestMicroservice> {
  const queue = rpcQueueGroup(name);
  const strategy = new QueueGroupNatsServer({ ...natsRpcOptions(nats, `genq-${name}`), waitOnFirstConnect: true }, queue, gracePeriodMs);
  // The service's module with terminus beside it (readiness of its database and NATS).
  @Module({ imports: [module, ObservabilityHealthModule.forRoot({ database: true })] })
  class ObservedService {}
  registerReadinessProbe('nats', () => {
    if (!strategy.linkUp) throw new Error(`not connected to NATS at ${nats.url}`);
  });
  const app = await NestFactory.createMicroservice(ObservedService, { strategy, logger: new PinoNestLogger(), bufferLogs: false });
  // Every handler knows who asked (see `recordAudit`).
  app.useGlobalInterceptors(new AuditContextInterceptor());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  // stack.cjs waits for this line: migrations ran and every subject is subscribed.
  new Logger(name).log(`listening on NATS ${nats.url} in queue group ${queue}`);
  const checks = app.get(ReadinessChecks, { strict: false });
  (await startManagement(name)).setReadiness(() => checks.check());
  return app;
}

/**
 * Entry point of a service process: reads configuration (a bad variable ends the process
 * with a message naming it), then starts the microservice.
 */
export function runService<C extends ServiceConfig>(
  name: string,
  readConfig: () => C,
  moduleFor: (config: C) => DynamicModule,
): void {
  let config: C;
  try {
    config = readConfig();
    if (!config.nats) throw new ConfigError(['NATS_URL is required: requests reach the service over NATS']);
  } catch (err) {
    console.error(`${name}: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
  rootLogger(name);
  initMetrics(name);
  // Log lines of a request carry its ids: which request, quarter and programme, who (by id).
  registerLogContext(() => {
    const ctx = currentAuditContext();
    return ctx ? { requestId: ctx.requestId, quarterId: ctx.quarterId, programmeId: ctx.programmeId, userId: ctx.actor.userId, role: ctx.actor.role } : undefined;
  });
  // Up before the application: while migrations run, readiness says "starting" (503).
  startManagement(name)
    .then(() => startMicroservice(name, moduleFor(config), config.nats as NatsConfig))
    .catch((err: unknown) => {
      console.error(`${name} failed to start:`, err);
      process.exit(1);
    });
}
