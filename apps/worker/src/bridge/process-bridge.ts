import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { quarterWorkflowId, type DomainEvent, type DomainEventPayloads, type EventOutcome, type ProcessEventEnvelope } from '@genq/contracts';
import { reportEventUpdate } from '@genq/contracts/temporal';

/**
 * The process event a service's fact means for the quarter's workflow, or null when the
 * process does not follow it. The event id stays the idempotency key on the way.
 */
export function toProcessEvent(event: DomainEvent): ProcessEventEnvelope | null {
  const base = { eventId: event.id, quarterId: event.quarterId, at: event.occurredAt };
  switch (event.type) {
    case 'analysis.submitted':
      return { ...base, type: 'analysis_submitted' };
    case 'analysis.priorities_recorded':
      // Recording them again (changed) is the same workshop: one id per analysis, a repeat is a duplicate.
      return { ...base, eventId: `analysis:${(event.payload as DomainEventPayloads['analysis.priorities_recorded']).analysisId}:strategy-workshop`, type: 'workshop_recorded', workshop: 'strategy_workshop' };
    case 'kickoff.recorded':
      return { ...base, type: 'kickoff_recorded' };
    case 'participation.closed':
      return { ...base, type: 'participation_recorded' };
    case 'goals_workshop.recorded':
      // Every round of the workshop counts: a concept sent back to it is workshopped again.
      return { ...base, type: 'workshop_recorded', workshop: 'goals_workshop' };
    case 'agreement.bound':
      return { ...base, type: 'agreement_signed' };
    case 'agreement.reviewed': {
      const p = event.payload as DomainEventPayloads['agreement.reviewed'];
      return {
        ...base,
        type: 'review_decided',
        decision: p.decision,
        ...(p.loopTo ? { loopTo: p.loopTo } : {}),
        ...(p.newDue ? { newDue: p.newDue } : {}),
        ...(p.requiredChanges ? { requiredChanges: p.requiredChanges } : {}),
        ...(p.milestones ? { milestones: p.milestones } : {}),
      };
    }
    case 'measure.status_changed': {
      const p = event.payload as DomainEventPayloads['measure.status_changed'];
      return { ...base, type: 'measure_status_changed', measureId: p.measureId, status: p.status };
    }
    case 'milestone.reached':
      return { ...base, type: 'milestone_reached', key: (event.payload as DomainEventPayloads['milestone.reached']).key };
    case 'report.submitted':
      return { ...base, type: 'report_submitted', year: (event.payload as DomainEventPayloads['report.submitted']).year };
    case 'report.returned':
      return { ...base, type: 'report_returned', year: (event.payload as DomainEventPayloads['report.returned']).year };
    case 'amendment.proposed': {
      const p = event.payload as DomainEventPayloads['amendment.proposed'];
      return { ...base, type: 'amendment_proposed', amendmentId: p.amendmentId, description: p.description };
    }
    case 'amendment.confirmed': {
      const p = event.payload as DomainEventPayloads['amendment.confirmed'];
      return { ...base, type: 'amendment_confirmed', amendmentId: p.amendmentId, party: p.party };
    }
    case 'amendment.accepted':
      return { ...base, type: 'amendment_accepted', amendmentId: (event.payload as DomainEventPayloads['amendment.accepted']).amendmentId };
    case 'amendment.rejected': {
      const p = event.payload as DomainEventPayloads['amendment.rejected'];
      return { ...base, type: 'amendment_rejected', amendmentId: p.amendmentId, reason: p.reason };
    }
    default:
      return null;
  }
}

/**
 * Temporal unreachable or overloaded: the event is fine, the process will take it later.
 * Anything else (e.g. a quarter without a workflow) counts towards the dead letters.
 */
export function isTransientForBridge(err: unknown): boolean {
  if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) return false;
  const e = err as { code?: number; message?: string; cause?: { code?: number } };
  // gRPC UNAVAILABLE (14), DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), or a broken connection.
  const code = e?.code ?? e?.cause?.code;
  return code === 14 || code === 4 || code === 8 || /UNAVAILABLE|ECONNREFUSED|ECONNRESET|DEADLINE_EXCEEDED|Connection|timed out|Timeout/i.test(String(e?.message ?? ''));
}

export interface BridgeLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Turns a service's event into an update of its quarter's workflow, with the event id as
 * update id and event id: a redelivered event changes nothing. A refusal by the process is
 * a result (logged; the consistency check lists what stays apart), not a failure; a
 * workflow that cannot be reached is retried by the consumer.
 */
export function processBridge(client: Client, log: BridgeLog): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    const envelope = toProcessEvent(event);
    if (!envelope) return;
    const handle = client.workflow.getHandle(quarterWorkflowId(event.quarterId));
    let outcome: EventOutcome;
    try {
      outcome = await handle.executeUpdate(reportEventUpdate, { args: [envelope], updateId: event.id });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        log.warn(`process of quarter ${event.quarterId} refused ${event.type} ${event.id}: ${err.cause?.message ?? err.message}`);
        return;
      }
      if (!(err instanceof WorkflowNotFoundError) && /already completed/i.test(String((err as Error).message))) {
        log.warn(`process of quarter ${event.quarterId} has ended; ${event.type} ${event.id} not applied`);
        return;
      }
      throw err;
    }
    if (outcome.applied) log.info(`process of quarter ${event.quarterId} applied ${event.type} ${event.id}`);
    // A duplicate is expected (at-least-once delivery); the English reason stands for outcomes of workers from before codes.
    else if (outcome.reasonCode !== 'event.duplicate' && outcome.reason !== 'duplicate event') log.warn(`process of quarter ${event.quarterId} did not apply ${event.type} ${event.id}: ${outcome.reason}`);
  };
}
