/**
 * The append-only audit log: who did what, when, why, with the record before and after.
 * Kept by the actors service; every write through the gateway and every operator
 * intervention records one entry.
 */
import type { Actor, Role } from './auth';

/** Who acted: a signed-in user, or the platform itself (a workflow, a reconciler). */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  role: Role | 'system';
}

export interface AuditRecordCommand {
  actor: AuditActor;
  /** Dotted verb, e.g. `quarter.create`, `intervention.extend_deadline`. */
  action: string;
  /** Kind of record changed, e.g. `quarter`, `programme`, `account`. */
  resourceType: string;
  resourceId: string | null;
  /** Files the entry under a programme: programme admins see the entries of their programmes. */
  programmeId?: string | null;
  quarterId?: string | null;
  /** Why: mandatory for interventions, optional elsewhere. */
  reason?: string | null;
  /** The record before the change (null when it was created) and after (null when removed). */
  before?: unknown;
  after?: unknown;
  /** X-Request-Id of the HTTP request that caused the change. */
  requestId?: string | null;
  /**
   * Idempotency key: an entry with a key is appended once, however often it is sent (a
   * workflow's activity retried). Without one, every call appends.
   */
  key?: string;
}

/** The answer of `actors.audit.record`: the entry, or that an entry with this key exists already. */
export type AuditRecordResult = AuditEntryDto | { duplicate: true; key: string };

/**
 * Who asked and which request, as the gateway attaches it to every command it sends to a
 * service (under {@link AUDIT_META_KEY} of an object payload): the owning service records the
 * audit entry of its change itself and takes actor and request id from here.
 */
export interface AuditContext {
  actor: AuditActor;
  requestId: string | null;
  /** Programme and quarter of the records the route's policy checked: the entry's defaults. */
  programmeId?: string | null;
  quarterId?: string | null;
  /** The programmes the actor acts for: a change about no single programme (a catalogue) is filed under each. */
  programmeIds?: string[];
}

/**
 * Reserved payload key of the {@link AuditContext}: a service-kit interceptor takes it off the
 * payload before validation, so no command DTO declares it. Part of the payload, not of a
 * transport header, so it travels over TCP and NATS alike.
 */
export const AUDIT_META_KEY = '_meta';

export interface AuditEntryDto {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  programmeId: string | null;
  quarterId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /**
   * The names of the records the entry mentions, by id: its quarter, programme and resource,
   * and the ids in its before and after (organisations, people, accounts). Read from their
   * owners when the log is read, so a renamed quarter reads with its current name and no
   * name is kept twice; an id whose record is gone has none.
   */
  names: Record<string, string>;
}

/** One batch of the CSV export: entries after `afterId`, oldest first, filtered like the list. */
export interface AuditExportQuery {
  actor: Actor;
  filter?: Record<string, unknown>;
  afterId?: number;
}

export const AuditPatterns = {
  record: 'actors.audit.record',
  list: 'actors.audit.list',
  get: 'actors.audit.get',
  /** One batch of the CSV export (see AuditExportQuery). */
  export: 'actors.audit.export',
} as const;
