import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_STREAM, EVENTS_STREAM, deadLetterSubject, type DeadLetter, type DomainEvent } from '@genq/contracts';
import { isUniqueViolation } from '../database';
import { ProcessedEventRow } from './entities';
import { consumerAckPending, consumerPending, consumerRedelivered, deadLettered, eventsConsumed, onScrape } from '../observability/metrics';
import { contextFromHeaders, inSpan, SpanKind } from '../observability/telemetry';

/** A failure that no retry can cure (the event can never apply): it goes to the dead letters at once. */
export class PoisonEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonEventError';
  }
}

export interface EventConsumerOptions {
  /** Durable consumer name on the events stream; also names the dead-letter subject. */
  durable: string;
  subjects: readonly string[];
  handle: (event: DomainEvent) => Promise<void>;
  /** Deliveries before a failing message goes to the dead letters. */
  maxDeliveries?: number;
  /**
   * Failures that say nothing about the message (a dependency is down): retried for as long as
   * they last, never sent to the dead letters.
   */
  isTransient?: (err: unknown) => boolean;
  /** Wait before a failed message is delivered again (by delivery count). */
  retryDelayMs?: (deliveries: number) => number;
  /** How long a delivery may take before JetStream delivers it again. */
  ackWaitMs?: number;
  /**
   * Events handled at the same time (default 1: in order). More only for events whose order
   * does not matter: one per quarter, handled idempotently (the process starter's
   * `quarter.registered`); a retried one may then be overtaken by those behind it.
   */
  concurrency?: number;
  log?: (message: string) => void;
}

/**
 * A durable, explicit-ack JetStream consumer that handles one event at a time, so events
 * arrive in the order they were published (per quarter, and overall), unless it is given a
 * `concurrency` for events whose order does not matter. A message is
 * acknowledged only after its handler returned, i.e. after the handler's own commit; a
 * failure is retried with a growing delay and, after `maxDeliveries`, published to the
 * consumer's dead-letter subject and terminated, so it no longer blocks the ones behind it.
 */
export class EventConsumer {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private unscrape: (() => void) | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: EventConsumerOptions,
  ) {}

  async start(): Promise<void> {
    const { durable, subjects } = this.options;
    const jsm = await this.nc.jetstreamManager();
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subjects: [...subjects],
      ack_wait: nanos(this.options.ackWaitMs ?? 60_000),
      // One in flight unless asked otherwise: a retried message is never overtaken by the next one.
      max_ack_pending: this.concurrency,
      max_deliver: -1,
    };
    try {
      await jsm.consumers.info(EVENTS_STREAM, durable);
      await jsm.consumers.update(EVENTS_STREAM, durable, { filter_subjects: config.filter_subjects, ack_wait: config.ack_wait, max_ack_pending: this.concurrency });
    } catch (err) {
      if (!/consumer not found/i.test(String((err as Error).message))) throw err;
      await jsm.consumers.add(EVENTS_STREAM, config);
    }
    const consumer = await this.nc.jetstream().consumers.get(EVENTS_STREAM, durable);
    // The consumer's lag, read when Prometheus scrapes.
    this.unscrape = onScrape('genq_jetstream_consumer_pending_messages', durable, async () => {
      const info = await jsm.consumers.info(EVENTS_STREAM, durable);
      consumerPending.set({ consumer: durable }, info.num_pending);
      consumerAckPending.set({ consumer: durable }, info.num_ack_pending);
      consumerRedelivered.set({ consumer: durable }, info.num_redelivered);
    });
    this.messages = await consumer.consume({ max_messages: this.concurrency });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unscrape?.();
    await this.messages?.close();
    await this.loop;
  }

  private get concurrency(): number {
    return Math.max(1, Math.floor(this.options.concurrency ?? 1));
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const msg of messages) {
      if (this.stopped) break;
      const delivery = this.deliver(msg).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
      // At most `concurrency` at once; with 1, each event is handled before the next is taken.
      if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async deliver(msg: JsMsg): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    let event: DomainEvent | null = null;
    try {
      event = JSON.parse(msg.string()) as DomainEvent;
      if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') throw new PoisonEventError('not a domain event');
      const parsed = event;
      // Continues the trace of the change that recorded the event (its context travels in the headers).
      const parent = contextFromHeaders((name) => (msg.headers?.has(name) ? msg.headers.get(name) : undefined));
      await inSpan(
        `${this.options.durable} ${parsed.type}`,
        { kind: SpanKind.CONSUMER, parent, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': msg.subject, 'messaging.consumer.group.name': this.options.durable, 'genq.event.id': parsed.id, 'genq.quarter.id': parsed.quarterId ?? '' } },
        () => this.options.handle(parsed),
      );
      msg.ack();
      eventsConsumed.inc({ consumer: this.options.durable, outcome: 'ok' });
    } catch (err) {
      const poison = err instanceof PoisonEventError || err instanceof SyntaxError;
      const transient = !poison && (this.options.isTransient?.(err) ?? false);
      const max = this.options.maxDeliveries ?? 5;
      if (poison || (!transient && deliveries >= max)) {
        await this.deadLetter(msg, event, err, deliveries);
        msg.term(String((err as Error).message).slice(0, 200));
        deadLettered.inc({ consumer: this.options.durable });
        eventsConsumed.inc({ consumer: this.options.durable, outcome: 'dead' });
        return;
      }
      const delay = this.options.retryDelayMs?.(deliveries) ?? Math.min(500 * 2 ** Math.min(deliveries - 1, 6), 30_000);
      this.options.log?.(`${this.options.durable}: ${event?.type ?? msg.subject} ${event?.id ?? ''} failed (delivery ${deliveries}), retrying in ${delay} ms: ${(err as Error).message}`);
      msg.nak(delay);
      eventsConsumed.inc({ consumer: this.options.durable, outcome: 'retry' });
    }
  }

  private async deadLetter(msg: JsMsg, event: DomainEvent | null, err: unknown, deliveries: number): Promise<void> {
    const letter: DeadLetter = {
      consumer: this.options.durable,
      subject: msg.subject,
      event: event ?? { raw: msg.string().slice(0, 10_000) },
      error: String((err as Error)?.message ?? err),
      deliveries,
      failedAt: new Date().toISOString(),
    };
    this.options.log?.(`${this.options.durable}: gave up on ${msg.subject} after ${deliveries} deliveries, sent to ${deadLetterSubject(this.options.durable)}: ${letter.error}`);
    await this.nc.jetstream().publish(deadLetterSubject(this.options.durable), JSON.stringify(letter), {
      msgID: `${this.options.durable}:${event?.id ?? `seq-${msg.info.streamSequence}`}`,
    });
  }
}

/**
 * Makes a handler idempotent with the consumer's inbox: in one transaction it records the
 * event id and applies the event, so an event delivered twice changes the data once.
 */
export function inboxHandler(db: DataSource, consumer: string, apply: (em: EntityManager, event: DomainEvent) => Promise<void>): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    try {
      await db.transaction(async (em) => {
        const repo = em.getRepository(ProcessedEventRow);
        if (await repo.existsBy({ consumer, eventId: event.id })) return;
        await repo.insert({ consumer, eventId: event.id, processedAt: new Date() });
        await apply(em, event);
      });
    } catch (err) {
      // Two deliveries raced (another replica took it): the winner applied it. Any other
      // unique violation is the handler's own and fails the delivery.
      if (isUniqueViolation(err) && (await db.getRepository(ProcessedEventRow).existsBy({ consumer, eventId: event.id }))) return;
      throw err;
    }
  };
}

/** The dead letters of the events' consumers, newest last, for the operator's view. */
export async function listDeadLetters(nc: NatsConnection, limit = 100): Promise<Array<DeadLetter & { seq: number }>> {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(DEAD_LETTER_STREAM).catch(() => null);
  if (!info || info.state.messages === 0) return [];
  const out: Array<DeadLetter & { seq: number }> = [];
  const first = Math.max(info.state.first_seq, info.state.last_seq - limit + 1);
  for (let seq = first; seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => null);
    if (m) out.push({ ...(JSON.parse(new TextDecoder().decode(m.data)) as DeadLetter), seq });
  }
  return out;
}
