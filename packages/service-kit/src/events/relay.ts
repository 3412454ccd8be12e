import { headers as natsHeaders, type MsgHdrs, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { eventSubject, type EventSource, type DomainEventType } from '@genq/contracts';
import { OutboxEventRow } from './entities';
import { outboxSignal, toDomainEvent } from './outbox';

export interface RelayOptions {
  /** How often the relay looks for unpublished events when nobody woke it. */
  pollMs?: number;
  batchSize?: number;
  /** Longest wait after failed publishing (the wait doubles from `pollMs`). */
  maxBackoffMs?: number;
  /**
   * How long published events stay in the outbox (for operators to look at) before the relay
   * deletes them; the stream keeps them for a year. Default 7 days.
   */
  keepPublishedMs?: number;
  log?: (message: string) => void;
}

/** The recorded trace context of an event as message headers (none when it was recorded outside a trace). */
function traceHeadersOf(row: OutboxEventRow): MsgHdrs | undefined {
  if (!row.traceContext) return undefined;
  try {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(JSON.parse(row.traceContext) as Record<string, string>)) if (typeof v === 'string') h.set(k, v);
    return h;
  } catch {
    return undefined;
  }
}

/**
 * Publishes a service's outbox to JetStream, at least once and in the order the events were
 * recorded. Each message carries the event id as `Nats-Msg-Id`, so a publish repeated after
 * a crash (published, not yet marked) is dropped by the stream's duplicate window; a second
 * replica's relay publishing the same rows is dropped the same way.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly onRecorded = () => this.wake?.();

  constructor(
    private readonly db: DataSource,
    private readonly nc: NatsConnection,
    private readonly options: RelayOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    outboxSignal.on('recorded', this.onRecorded);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    outboxSignal.off('recorded', this.onRecorded);
    this.wake?.();
    await this.loop;
  }

  /**
   * Publishes every waiting event in order, stopping at the first failure so that no later
   * event overtakes it. Returns how many were published.
   */
  async publishPending(): Promise<number> {
    const js = this.nc.jetstream();
    const repo = this.db.getRepository(OutboxEventRow);
    let published = 0;
    for (;;) {
      const rows = await repo
        .createQueryBuilder('e')
        .where('e.publishedAt IS NULL')
        .orderBy('e.seq', 'ASC')
        .limit(this.options.batchSize ?? 100)
        .getMany();
      if (rows.length === 0) return published;
      for (const row of rows) {
        const event = toDomainEvent(row);
        try {
          await js.publish(eventSubject(event.source as EventSource, event.type as DomainEventType), JSON.stringify(event), { msgID: event.id, headers: traceHeadersOf(row) });
        } catch (err) {
          await repo.update({ seq: row.seq }, { attempts: row.attempts + 1, lastError: String((err as Error).message ?? err).slice(0, 2000) });
          throw err;
        }
        await repo.update({ seq: row.seq }, { publishedAt: new Date(), lastError: null });
        published += 1;
      }
    }
  }

  /** Deletes published events older than `keepPublishedMs`; returns how many. */
  async prunePublished(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - (this.options.keepPublishedMs ?? 7 * 24 * 3600_000));
    const result = await this.db
      .getRepository(OutboxEventRow)
      .createQueryBuilder()
      .delete()
      // Quoted: a camel-case column on PostgreSQL, and no alias to resolve it in a DELETE.
      .where('"publishedAt" IS NOT NULL AND "publishedAt" < :before', { before })
      .execute();
    return result.affected ?? 0;
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 250;
    let backoff = pollMs;
    let prunedAt = 0;
    while (this.running) {
      let wait = pollMs;
      try {
        await this.publishPending();
        backoff = pollMs;
        if (Date.now() - prunedAt > 3600_000) {
          prunedAt = Date.now();
          await this.prunePublished();
        }
      } catch (err) {
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 10_000);
        wait = backoff;
        this.options.log?.(`outbox relay: publishing failed, retrying in ${wait} ms: ${(err as Error).message}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
        const timer = setTimeout(done, wait);
        this.wake = done;
      });
    }
  }
}
