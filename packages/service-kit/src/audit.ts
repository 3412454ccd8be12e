import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { AUDIT_META_KEY, type AuditActor, type AuditContext, type AuditRecordCommand, type DomainEvent, type EventSource } from '@genq/contracts';
import { recordEvent } from './events/outbox';

const storage = new AsyncLocalStorage<AuditContext>();

/** The audit context of the command being handled (who asked, which request), if the gateway sent one. */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

/** Runs `fn` as if a command with this audit context were being handled (specs, scripts). */
export function runWithAuditContext<T>(context: AuditContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Takes the gateway's {@link AuditContext} off an object payload and keeps it for the handler.
 * Registered globally by `startMicroservice`: interceptors run before pipes, so the
 * validation pipe (which refuses unknown keys) never sees `_meta`, and no DTO declares it.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const meta = takeAuditContext(context.switchToRpc().getData());
    if (!meta) return next.handle();
    // Subscribing inside the context: the handler (and its promises) run when subscribed.
    return new Observable((subscriber) => storage.run(meta, () => next.handle().subscribe(subscriber)));
  }
}

/** Removes `_meta` from a payload (always, so a malformed one cannot reach a handler) and answers it if it is well-formed. */
export function takeAuditContext(payload: unknown): AuditContext | undefined {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !(AUDIT_META_KEY in payload)) return undefined;
  const raw = (payload as Record<string, unknown>)[AUDIT_META_KEY] as Partial<AuditContext> | null | undefined;
  delete (payload as Record<string, unknown>)[AUDIT_META_KEY];
  const actor = raw?.actor as Partial<AuditActor> | undefined;
  if (!actor || typeof actor.role !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    actor: { userId: str(actor.userId), email: str(actor.email), role: actor.role },
    requestId: str(raw?.requestId),
    programmeId: str(raw?.programmeId),
    quarterId: str(raw?.quarterId),
    programmeIds: Array.isArray(raw?.programmeIds) ? raw.programmeIds.filter((p): p is string => typeof p === 'string') : [],
  };
}

/** The platform itself acting: a command without an audit context (a workflow's activity, a reconciler, a spec). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, email: null, role: 'system' };

/**
 * One audit entry as a write handler describes it: the contract's entry without who and which
 * request, which come from the audit context (`actor` only to override it). Defaults: the
 * programme and quarter the route's policy checked; the platform ({@link SYSTEM_ACTOR}) when no
 * context came with the command.
 */
export type AuditEntryInput = Omit<AuditRecordCommand, 'actor' | 'requestId' | 'key'> & { actor?: AuditActor };

/** Before/after snapshots larger than this are replaced by a note: the log must not become the database. */
export const MAX_AUDIT_SNAPSHOT_CHARS = 64 * 1024;

/** A snapshot as the log keeps it: plain JSON (dates as strings), or a note when too large. */
export function auditSnapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const json = JSON.stringify(value);
  if (json === undefined) return null;
  return json.length <= MAX_AUDIT_SNAPSHOT_CHARS ? JSON.parse(json) : { truncated: true, chars: json.length };
}

/**
 * The one way a service records the audit entry of a write: an `audit.recorded` event in its
 * outbox, inside the transaction of the change, so the entry exists exactly when the change
 * does (a refused or rolled-back write records none, a crash after the commit loses none).
 * The actors service appends it to the audit log from the event stream.
 *
 * ```ts
 * await this.db.transaction(async (em) => {
 *   ... the change ...
 *   await recordAudit(em, 'agreements', { action: 'goal.create', resourceType: 'goal', resourceId: goal.id, quarterId, before: null, after: dto });
 * });
 * ```
 */
export async function recordAudit(em: EntityManager, source: EventSource, input: AuditEntryInput): Promise<DomainEvent<'audit.recorded'>> {
  const entry = auditEntry(input);
  return recordEvent(em, source, { id: `audit:${randomUUID()}`, type: 'audit.recorded', quarterId: entry.quarterId ?? '', payload: entry });
}

/** The entry as the log keeps it: the input with who, which request and the defaults of the audit context. */
export function auditEntry(input: AuditEntryInput): AuditRecordCommand {
  const ctx = currentAuditContext();
  return {
    actor: input.actor ?? ctx?.actor ?? SYSTEM_ACTOR,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    programmeId: input.programmeId !== undefined ? input.programmeId : (ctx?.programmeId ?? null),
    quarterId: input.quarterId !== undefined ? input.quarterId : (ctx?.quarterId ?? null),
    reason: input.reason ?? null,
    before: auditSnapshot(input.before),
    after: auditSnapshot(input.after),
    requestId: ctx?.requestId ?? null,
  };
}
