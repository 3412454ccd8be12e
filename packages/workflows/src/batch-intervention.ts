import { patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { type BatchActivities, type ProcessActivities, type BatchInterventionInput, type BatchItemResult, type BatchProgress } from '@genq/contracts';
import { batchProgressQuery } from '@genq/contracts/temporal';

const { applyIntervention } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

const { recordAudit } = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** Quarters worked on at once: enough to be quick, few enough not to swamp the cluster. */
const PARALLEL = 4;

/**
 * An operator's intervention over a filtered set of quarters. Durable (a crash of the
 * gateway or worker does not lose the batch), followable (query `batchProgress`), and
 * per quarter: each one is applied or refused with its reason; one refusal stops nothing.
 */
export async function batchInterventionWorkflow(input: BatchInterventionInput): Promise<BatchProgress> {
  const results: BatchItemResult[] = [];
  const progress = (): BatchProgress => ({
    batchId: input.batchId,
    startedBy: input.auditActor?.userId ?? null,
    total: input.quarterIds.length,
    done: results.length,
    applied: results.filter((r) => r.outcome === 'applied').length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    finished: results.length === input.quarterIds.length,
    results,
  });
  setHandler(batchProgressQuery, progress);

  // The batch itself in the audit log, once per programme it touches (programme admins see
  // their programmes' entries); each quarter's intervention is recorded as it is applied.
  // Patched as in the lifecycle: a batch started by an older worker replays without it.
  if (input.audit && patched('audit-entries-in-workflow')) {
    const { quarterIdsByProgramme, ...who } = input.audit;
    for (const [programmeId, quarterIds] of Object.entries(quarterIdsByProgramme)) {
      await recordAudit({
        actor: who.actor,
        action: `intervention.batch.${input.intervention.kind}`,
        resourceType: 'intervention_batch',
        resourceId: input.batchId,
        programmeId,
        quarterId: null,
        reason: input.intervention.reason,
        before: null,
        after: { filter: input.filter, quarterIds },
        requestId: who.requestId,
        key: `${workflowInfo().workflowId}:batch:${programmeId}`,
      });
    }
  }

  const queue = [...input.quarterIds];
  async function lane(): Promise<void> {
    for (let quarterId = queue.shift(); quarterId !== undefined; quarterId = queue.shift()) {
      try {
        results.push(await applyIntervention({ quarterId, intervention: input.intervention, batchId: input.batchId, auditActor: input.auditActor }));
      } catch (err) {
        results.push({ quarterId, outcome: 'failed', reason: err instanceof Error ? err.message : String(err), reasonCode: 'batch.item_failed', reasonParams: {} });
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return progress();
}
