import 'reflect-metadata';
import { Logger, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServerNats, type NatsContext } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { AuditContextInterceptor } from './audit';
import { RpcErrorFilter, validationPipe } from './errors';
import { ConfigError, type ServiceConfig } from './config';
import type { NatsConfig } from './events/nats';
import { natsRpcOptions, rpcQueueGroup } from './rpc-client';

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

  constructor(
    options: ConstructorParameters<typeof ServerNats>[0],
    private readonly queue: string,
    private readonly gracePeriodMs: number,
  ) {
    super(options);
  }

  override bindEvents(client: NatsConnection): void {
    for (const channel of this.messageHandlers.keys()) {
      this.subs.push(client.subscribe(channel, { queue: this.queue, callback: this.getMessageHandler(channel).bind(this) }));
    }
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: { isDisposed?: boolean; status?: string }) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    this.inFlight++;
    let settled = false;
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
  const app = await NestFactory.createMicroservice(module, { strategy, logger: ['error', 'warn', 'log'] });
  // Every handler knows who asked (see `recordAudit`).
  app.useGlobalInterceptors(new AuditContextInterceptor());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  // stack.cjs waits for this line: migrations ran and every subject is subscribed.
  new Logger(name).log(`listening on NATS ${nats.url} in queue group ${queue}`);
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
  startMicroservice(name, moduleFor(config), config.nats).catch((err: unknown) => {
    console.error(`${name} failed to start:`, err);
    process.exit(1);
  });
}
