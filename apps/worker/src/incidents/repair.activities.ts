import type { ClientProxy } from '@nestjs/microservices';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  BATCH_INTERVENTION_WORKFLOW,
  IncidentsPatterns,
  type IncidentActivities,
  type IncidentRef,
  type IncidentRepairItem,
  resetPreviewOf,
  workflowTaskFacts,
  type HistoryEventLine,
} from '@genq/contracts';
import { request } from '@genq/service-kit';
import { call } from '../activities/process.activities';
import { activitiesToReset, notYetStarted, pauseRefusal, tsMs } from './observe';

const { EventType, ResetReapplyType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
type Ns = { client: Client; namespace: string };

/** gRPC status codes the server answers a refused action with. */
const GRPC = { NOT_FOUND: 5, INVALID_ARGUMENT: 3, FAILED_PRECONDITION: 9, PERMISSION_DENIED: 7, UNIMPLEMENTED: 12, ALREADY_EXISTS: 6 };

const refused = (incident: IncidentRef, reasonCode: string, reasonParams: Record<string, string | number>, reason: string): IncidentRepairItem => ({
  incidentId: incident.id,
  outcome: 'refused',
  reasonCode,
  reasonParams,
  reason,
});

/** The workflow's history as the reset preview reads it, every page. */
export async function historyLines({ client, namespace }: Ns, execution: { workflowId: string; runId: string }): Promise<HistoryEventLine[]> {
  const lines: HistoryEventLine[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({ namespace, execution, nextPageToken, maximumPageSize: 1000 });
    for (const e of page.history?.events ?? []) {
      const ms = tsMs(e.eventTime);
      lines.push({
        eventId: Number(String(e.eventId)),
        type: (EventType[e.eventType ?? 0] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, ''),
        at: ms === undefined ? null : new Date(ms).toISOString(),
        ...workflowTaskFacts(e, WorkflowTaskFailedCause),
      });
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return lines;
}

/** How long "retry now" watches the reset activities for a worker to pick them up, and when it resets the ones still waiting again. */
export const RETRY_CONFIRM = { withinMs: 15_000, resetAgainAfterMs: 5_000, everyMs: 500 };

/**
 * "Retry now" of a failing activity: resets it and every other failing activity of the
 * workflow waiting out its backoff (attempts back to 1, scheduled now; a paused one is
 * resumed), leaving alone one that is running right now (see {@link activitiesToReset}).
 * Then it watches them until a worker has started each new attempt: one still waiting for
 * dispatch after a few seconds is reset once more (a new dispatch; the server drops the old
 * one by its stamp). An activity that is no longer pending has finished: nothing to retry.
 */
export async function retryNow({ client, namespace }: Ns, execution: { workflowId: string; runId: string }, activityId: string, identity: string): Promise<void> {
  const svc = client.workflowService;
  const describe = () => svc.describeWorkflowExecution({ namespace, execution });
  const reset = async (id: string) => {
    try {
      await svc.resetActivity({ namespace, execution, id, identity, keepPaused: false, resetHeartbeat: false });
    } catch (err) {
      // Finished between the describe and the reset: nothing left to retry.
      if ((err as { code?: number }).code !== GRPC.NOT_FOUND) throw err;
    }
  };
  const log = Context.current().log;
  const before = await describe();
  const ids = activitiesToReset(before, activityId);
  log.info('retry now: resetting activities', { workflowId: execution.workflowId, activityId, reset: ids, pending: pendingSummary(before) });
  for (const id of ids) await reset(id);
  const started = Date.now();
  let resetAgain = false;
  let waiting: string[] = ids;
  while (ids.length && Date.now() - started < RETRY_CONFIRM.withinMs) {
    await new Promise((r) => setTimeout(r, RETRY_CONFIRM.everyMs));
    const now = await describe();
    waiting = notYetStarted(now, ids);
    if (!waiting.length) {
      log.info('retry now: the reset activities run again', { workflowId: execution.workflowId, afterMs: Date.now() - started, pending: pendingSummary(now) });
      return;
    }
    if (!resetAgain && Date.now() - started >= RETRY_CONFIRM.resetAgainAfterMs) {
      resetAgain = true;
      log.warn('retry now: reset activities not dispatched yet, resetting them again', { workflowId: execution.workflowId, waiting, pending: pendingSummary(now) });
      for (const id of waiting) await reset(id);
    }
  }
  if (waiting.length) log.warn('retry now: reset activities still not dispatched', { workflowId: execution.workflowId, waiting, pending: pendingSummary(await describe()) });
}

/** Pending activities in a log line: id, type, state, attempt, next attempt. */
function pendingSummary(d: temporal.api.workflowservice.v1.IDescribeWorkflowExecutionResponse): string {
  return (d.pendingActivities ?? [])
    .map((a) => {
      const next = tsMs(a.nextAttemptScheduleTime);
      return `${a.activityId}:${a.activityType?.name}:state=${a.state}:attempt=${a.attempt}${a.paused ? ':paused' : ''}${next ? `:next=${new Date(next).toISOString()}` : ''}`;
    })
    .join(', ');
}

/** The repair workflow's activities: Temporal's own operator API, and the actors service for the record. */
export function createIncidentActivities({ client, actors, namespace }: Ns & { actors: ClientProxy }): IncidentActivities {
  const svc = client.workflowService;
  return {
    async repairIncident({ incident, action, reason, identity, requestId }): Promise<IncidentRepairItem> {
      const execution = { workflowId: incident.workflowId, runId: incident.runId };
      const activityOnly = () => refused(incident, 'incident.action_not_for_kind', { action, kind: incident.kind }, `${action} applies to activities only`);
      try {
        switch (action) {
          case 'retry':
            if (incident.kind !== 'activity' || !incident.activityId) return activityOnly();
            await retryNow({ client, namespace }, execution, incident.activityId, identity);
            break;
          case 'pause':
          case 'resume': {
            if (incident.kind !== 'activity' || !incident.activityId) return activityOnly();
            // The server takes a pause of a paused activity (a resume of a running one) as a
            // success that changes nothing: refuse it here, with the reason.
            const no = pauseRefusal(await svc.describeWorkflowExecution({ namespace, execution }), incident.activityId, action);
            if (no) return refused(incident, no.code, { activityId: incident.activityId }, no.reason);
            if (action === 'pause') await svc.pauseActivity({ namespace, execution, id: incident.activityId, identity, reason, requestId });
            else await svc.unpauseActivity({ namespace, execution, id: incident.activityId, identity, resetAttempts: true, resetHeartbeat: false });
            break;
          }
          case 'reset': {
            const preview = resetPreviewOf(incident, await historyLines({ client, namespace }, execution));
            if (!preview.possible) return refused(incident, 'incident.reset_no_good_task', { workflowId: incident.workflowId }, 'no completed workflow task');
            await svc.resetWorkflowExecution({
              namespace,
              workflowExecution: execution,
              reason: `${identity}: ${reason}`.slice(0, 1000),
              workflowTaskFinishEventId: preview.resetToEventId as unknown as Long,
              // The same id for a retried activity: the server resets once.
              requestId,
              resetReapplyType: ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE,
              identity,
            });
            break;
          }
          case 'cancel':
            if (incident.kind === 'workflow_closed') {
              return refused(incident, 'incident.action_not_for_kind', { action, kind: incident.kind }, 'a closed workflow cannot be cancelled');
            }
            if (incident.workflowType !== BATCH_INTERVENTION_WORKFLOW) {
              return refused(incident, 'incident.cancel_only_batches', {}, 'only batch workflows are cancelled');
            }
            await client.workflow.getHandle(incident.workflowId, incident.runId).cancel();
            break;
          default:
            return refused(incident, 'incident.action_not_for_kind', { action: String(action), kind: incident.kind }, 'unknown action');
        }
        return { incidentId: incident.id, outcome: 'applied', reasonCode: null, reasonParams: {}, reason: null };
      } catch (err) {
        const code = (err as { code?: number }).code ?? (err as { cause?: { code?: number } }).cause?.code;
        const message = (err as Error).message ?? String(err);
        if (code === GRPC.NOT_FOUND || (err as Error).name === 'WorkflowNotFoundError') {
          return refused(incident, 'incident.workflow_gone', { workflowId: incident.workflowId }, message);
        }
        if (code !== undefined && [GRPC.INVALID_ARGUMENT, GRPC.FAILED_PRECONDITION, GRPC.PERMISSION_DENIED, GRPC.UNIMPLEMENTED, GRPC.ALREADY_EXISTS].includes(code)) {
          return refused(incident, 'incident.server_refused', { action, message: message.slice(0, 300) }, message);
        }
        throw err;
      }
    },

    async recordIncidentRepair(cmd): Promise<void> {
      await call(() => request(actors, 'actors', IncidentsPatterns.recordRepair, cmd));
    },
  };
}
