import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { IncidentActivities, IncidentRepairInput, IncidentRepairItem, IncidentRepairResult } from '@genq/contracts';

const { repairIncident } = proxyActivities<IncidentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

const { recordIncidentRepair } = proxyActivities<IncidentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/**
 * An operator's repair action over one incident or many (issue 18): each incident's workflow
 * gets the action through Temporal's API (an activity), and the outcome, applied or refused
 * with its reason, is noted on the incident with its audit entry. Durable like a batch
 * intervention: a crash of the gateway or the worker loses no part of it.
 */
export async function incidentRepairWorkflow(input: IncidentRepairInput): Promise<IncidentRepairResult> {
  const results: IncidentRepairItem[] = [];
  const { workflowId } = workflowInfo();
  for (const incident of input.incidents) {
    const requestId = `${workflowId}:${incident.id}`;
    // The note's time is when the action started: "retry now" returns once the activity runs
    // again, and the scan may resolve the incident before that (the actors service counts an
    // incident resolved after the note's time as repaired). Workflow time, no new command:
    // histories from before replay unchanged.
    const startedAt = new Date().toISOString();
    let item: IncidentRepairItem;
    try {
      item = await repairIncident({ incident, action: input.action, reason: input.reason, identity: input.actor.email ?? input.actor.userId ?? 'system', requestId });
    } catch (err) {
      item = { incidentId: incident.id, outcome: 'failed', reasonCode: null, reasonParams: {}, reason: err instanceof Error ? err.message : String(err) };
    }
    results.push(item);
    if (item.outcome !== 'failed') {
      await recordIncidentRepair({
        incidentId: incident.id,
        note: {
          action: input.action,
          at: startedAt,
          byUserId: input.actor.userId ?? 'system',
          byEmail: input.actor.email,
          reason: input.reason,
          outcome: item.outcome,
          reasonCode: item.reasonCode,
        },
        actor: input.actor,
        requestId: input.audit?.requestId ?? null,
        key: requestId,
        // An activity's input: histories from before replay unchanged.
        programmeIds: input.audit?.programmeIds ?? [],
      });
    }
  }
  return {
    repairId: input.repairId,
    action: input.action,
    total: results.length,
    applied: results.filter((r) => r.outcome === 'applied').length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    results,
  };
}
