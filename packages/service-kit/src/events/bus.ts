import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '@genq/contracts';
import { EventConsumer, inboxHandler } from './consumer';
import { openEventStream, type NatsConfig } from './nats';
import { OutboxRelay } from './relay';
import { OutboxEventRow } from './entities';
import { onScrape, outboxFailing, outboxLag, outboxUnpublished } from '../observability/metrics';
import { registerReadinessProbe } from '../observability/health.module';

/** Injection token of a service's {@link NatsConfig} (`null`: events stay in the outbox). */
export const NATS_CONFIG = 'GENQ_NATS_CONFIG';

export interface Subscription {
  durable: string;
  subjects: readonly string[];
  /** Applied in one transaction with the consumer's inbox entry. */
  apply: (em: EntityManager, event: DomainEvent) => Promise<void>;
}

/**
 * A service's link to the event stream: the relay that publishes its outbox, and the
 * durable consumers its modules subscribe (before the application has bootstrapped). Without
 * a NATS configuration (service tests) events are recorded and stay in the outbox.
 */
@Injectable()
export class ServiceEventBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('events');
  private readonly subscriptions: Subscription[] = [];
  private nc: NatsConnection | null = null;
  private relay: OutboxRelay | null = null;
  private consumers: EventConsumer[] = [];
  private starting: Promise<void> | null = null;
  private closed = false;
  private unscrape: (() => void) | null = null;
  /** Whether the client is connected right now (it reconnects by itself after a disconnect). */
  private linkUp = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NATS_CONFIG) private readonly config: NatsConfig | null,
  ) {}

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  /** True while connected to NATS with the relay and every consumer running. */
  get connected(): boolean {
    return this.nc !== null && !this.nc.isClosed() && this.relay !== null && this.linkUp;
  }

  /** Follows the client's connection: it reconnects by itself, this only tells health checks. */
  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') this.linkUp = false;
      else if (status.type === 'reconnect') this.linkUp = true;
    }
  }

  onApplicationBootstrap(): void {
    // The outbox's lag and failures, counted when Prometheus scrapes (cheap: an index on publishedAt).
    this.unscrape = onScrape('genq_outbox_unpublished_events', 'outbox', async () => {
      const waiting = this.db.getRepository(OutboxEventRow).createQueryBuilder('e').where('e.publishedAt IS NULL');
      const [count, oldest, failing] = await Promise.all([
        waiting.getCount(),
        waiting.clone().orderBy('e.seq', 'ASC').getOne(),
        waiting.clone().andWhere('e.attempts > 0').getCount(),
      ]);
      outboxUnpublished.set(count);
      outboxFailing.set(failing);
      outboxLag.set(oldest ? Math.max(0, (Date.now() - oldest.occurredAt.getTime()) / 1000) : 0);
    });
    if (!this.config) return;
    registerReadinessProbe('events', () => {
      if (!this.connected) throw new Error('the event stream is not connected (relay and consumers wait for NATS)');
    });
    // In the background: the service answers requests while NATS is still (or again) away.
    this.starting = this.start(this.config).catch((err: unknown) => {
      this.logger.error(`could not connect the event stream: ${(err as Error).message}`);
    });
  }

  private async start(config: NatsConfig): Promise<void> {
    this.logger.log(`connecting to NATS at ${config.url}`);
    const nc = await openEventStream(config, `genq-${process.pid}`, () => this.closed);
    if (!nc) return;
    this.nc = nc;
    this.linkUp = true;
    void this.watch(nc);
    const log = (m: string) => this.logger.warn(m);
    this.relay = new OutboxRelay(this.db, nc, { log });
    this.relay.start();
    for (const s of this.subscriptions) {
      const consumer = new EventConsumer(nc, { durable: s.durable, subjects: s.subjects, handle: inboxHandler(this.db, s.durable, s.apply), log });
      await consumer.start();
      this.consumers.push(consumer);
    }
    this.logger.log(`event stream connected (relay on, consumers: ${this.subscriptions.map((s) => s.durable).join(', ') || 'none'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.unscrape?.();
    await this.starting;
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}
