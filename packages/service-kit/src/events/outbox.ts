import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { In, type EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType, EventSource, NewDomainEvent } from '@genq/contracts';
import { OutboxEventRow } from './entities';
import { traceHeaders } from '../observability/telemetry';

/** Wakes the relay of this process right after a commit, instead of at its next poll. */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(0);

/**
 * Records domain events in the outbox, inside the caller's transaction: they exist exactly
 * when the change that caused them commits. Returns the events as they will be published.
 */
export async function recordEvents(em: EntityManager, source: EventSource, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  const trace = traceHeaders();
  const traceContext = trace.traceparent ? JSON.stringify(trace) : null;
  const rows = events.map((e) =>
    em.getRepository(OutboxEventRow).create({
      id: e.id ?? randomUUID(),
      type: e.type,
      version: e.version ?? 1,
      source,
      quarterId: e.quarterId,
      occurredAt: e.occurredAt ? new Date(e.occurredAt) : new Date(),
      payload: e.payload as object,
      publishedAt: null,
      attempts: 0,
      lastError: null,
      traceContext,
    }),
  );
  if (rows.length === 0) return [];
  await em.getRepository(OutboxEventRow).insert(rows);
  // Emitted before the commit: the relay finds the rows once they are visible, at worst one poll later.
  setImmediate(() => outboxSignal.emit('recorded'));
  return rows.map(toDomainEvent);
}

/** Records one event; see {@link recordEvents}. */
export async function recordEvent<T extends DomainEventType>(em: EntityManager, source: EventSource, event: NewDomainEvent<T>): Promise<DomainEvent<T>> {
  const [recorded] = await recordEvents(em, source, [event as NewDomainEvent]);
  return recorded as DomainEvent<T>;
}

export function toDomainEvent(row: OutboxEventRow): DomainEvent {
  return {
    id: row.id,
    type: row.type as DomainEventType,
    version: row.version,
    source: row.source as EventSource,
    quarterId: row.quarterId,
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload as never,
  };
}

/**
 * Records the events whose ids the outbox does not hold yet: for facts that are restated
 * (the process states its standing decisions with every projection), each is recorded once.
 */
export async function recordEventsOnce(em: EntityManager, source: EventSource, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  const withIds = events.filter((e): e is NewDomainEvent & { id: string } => typeof e.id === 'string');
  if (withIds.length === 0) return [];
  const known = new Set((await em.getRepository(OutboxEventRow).find({ select: { id: true }, where: { id: In(withIds.map((e) => e.id)) } })).map((r) => r.id));
  return recordEvents(em, source, withIds.filter((e) => !known.has(e.id)));
}
