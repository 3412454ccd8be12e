import { Injectable } from '@nestjs/common';
import { AuditPatterns, type Actor, type AuditActor, type AuditEntryDto, type AuditRecordCommand } from '@genq/contracts';
import { currentRequest } from '../auth/request-context';
import { ServiceClients } from '../services/service-clients';

/** One audit entry as a write handler describes it; who and the request id come from the request. */
export interface AuditEntryInput {
  /** Dotted verb: `quarter.create`, `programme.update`, `intervention.extend_deadline`. */
  action: string;
  /** Kind of record changed: `quarter`, `programme`, `account`... */
  resourceType: string;
  resourceId: string | null;
  /** Default: the programme of the record the route's policy checked. */
  programmeId?: string | null;
  /** Default: the quarter the route's policy checked. */
  quarterId?: string | null;
  /** Why (mandatory for interventions). */
  reason?: string | null;
  /** The record before (null when created) and after (null when removed). */
  before?: unknown;
  after?: unknown;
  /** Default: the signed-in user of the request; pass one when recording outside a request. */
  actor?: Actor | AuditActor;
  /** Default: the request's X-Request-Id. */
  requestId?: string | null;
}

/**
 * Records the start of a batch intervention in the append-only audit log (kept by the actors
 * service): the one write that has neither a service transaction nor a quarter's workflow to
 * record it. Every other write is audited by its owner: a service in the transaction of the
 * change (`recordAudit` in the service-kit), a quarter's workflow after it applied an
 * intervention or a reported event, the batch's activity per quarter. Do not add callers here.
 *
 * ```ts
 * await this.audit.record({ action: `intervention.batch.${kind}`, resourceType: 'intervention_batch', resourceId: batchId,
 *   programmeId, reason, before: null, after: { filter, quarterIds } });
 * ```
 */
@Injectable()
export class AuditService {
  constructor(private readonly services: ServiceClients) {}

  async record(input: AuditEntryInput): Promise<AuditEntryDto> {
    const ctx = currentRequest();
    const actor = toAuditActor(input.actor) ?? (ctx?.principal ? { userId: ctx.principal.id, email: ctx.principal.email, role: ctx.principal.role } : undefined);
    if (!actor) throw new Error(`audit entry ${input.action} has no actor: pass one when recording outside a request`);
    const cmd: AuditRecordCommand = {
      actor,
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      programmeId: input.programmeId !== undefined ? input.programmeId : (ctx?.programmeId ?? null),
      quarterId: input.quarterId !== undefined ? input.quarterId : (ctx?.quarterId ?? null),
      reason: input.reason ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      requestId: input.requestId !== undefined ? input.requestId : (ctx?.requestId ?? null),
    };
    return this.services.send<AuditEntryDto>('actors', AuditPatterns.record, cmd);
  }
}

function toAuditActor(a: Actor | AuditActor | undefined): AuditActor | undefined {
  if (!a) return undefined;
  if ('userId' in a && 'programmeIds' in a) return { userId: a.userId, email: a.email, role: a.role };
  return a as AuditActor;
}
