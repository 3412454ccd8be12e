import { isCancellation, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type {
  BatchActivities,
  ProcessActivities,
  BatchInterventionInput,
  BatchItemResult,
  BatchProgress,
  BatchResultsRange,
} from '@genq/contracts';
import { DEFAULT_BATCH_PARALLELISM, batchProgressQuery } from '@genq/contracts/temporal';

const { applyIntervention, applyInterventions } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

const { recordAudit } = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** A cancelled batch ends as cancelled instead of recording its remaining quarters as failed. */
export const BATCH_CANCEL_ENDS_BATCH_PATCH = 'batch-cancel-ends-batch';

/**
 * Batches started since take their quarters a page per activity instead of one each: an eighth
 * of the batch workflow's activities and tasks, a history an eighth as long, progress queries
 * answered sooner. The quarters' own workflows remain most of a batch's time (docs/benchmarks.md).
 */
export const BATCH_PAGES_PATCH = 'batch-pages-per-activity';
/** The most quarters one activity applies. */
const MAX_PAGE = 8;

/** Quarters worked on at once by batches started before the parallelism was configurable. */
const LEGACY_PARALLEL = 4;
/** The most lanes a batch opens, whatever its input says. */
const MAX_PARALLEL = 200;

/**
 * An operator's intervention over a filtered set of quarters. Durable (a crash of the
 * gateway or worker does not lose the batch), followable (query `batchProgress`), and
 * per quarter: each one is applied or refused with its reason; one refusal stops nothing.
 */
export async function batchInterventionWorkflow(input: BatchInterventionInput): Promise<BatchProgress> {
  const results: BatchItemResult[] = [];
  // Counted as results come in, so a progress query costs the same however large the batch.
  const outcomes = { applied: 0, refused: 0, failed: 0 };
  const record = (result: BatchItemResult) => {
    results.push(result);
    outcomes[result.outcome]++;
  };
  const progress = (range?: BatchResultsRange): BatchProgress => {
    const start = range ? Math.max(0, Math.floor(range.start)) : 0;
    return {
      batchId: input.batchId,
      startedBy: input.auditActor?.userId ?? null,
      total: input.quarterIds.length,
      done: results.length,
      ...outcomes,
      finished: results.length === input.quarterIds.length,
      results: range ? results.slice(start, Math.max(start, Math.floor(range.end) + 1)) : results,
      ...(range ? { resultsStart: start } : {}),
    };
  };
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

  // Batches started before the parallelism came with their input replay four at a time.
  const parallel = patched('batch-configured-parallelism')
    ? Math.min(MAX_PARALLEL, Math.max(1, Math.floor(input.parallelism ?? DEFAULT_BATCH_PARALLELISM)))
    : LEGACY_PARALLEL;
  const queue = [...input.quarterIds];
  const { intervention, batchId, auditActor } = input;
  /** One quarter in an activity of its own; a failure after the activity's retries is the quarter's result. */
  async function applyAlone(quarterId: string): Promise<void> {
    try {
      record(await applyIntervention({ quarterId, intervention, batchId, auditActor }));
    } catch (err) {
      // Cancelled (an operator's `cancel` on its incident): the batch ends as cancelled, the
      // quarters it has not reached are not touched. Before the patch the lanes went on and
      // recorded every remaining quarter as failed, and the batch completed.
      if (isCancellation(err) && patched(BATCH_CANCEL_ENDS_BATCH_PATCH)) throw err;
      record({ quarterId, outcome: 'failed', reason: err instanceof Error ? err.message : String(err), reasonCode: 'batch.item_failed', reasonParams: {} });
    }
  }
  async function lane(): Promise<void> {
    for (let quarterId = queue.shift(); quarterId !== undefined; quarterId = queue.shift()) await applyAlone(quarterId);
  }

  if (patched(BATCH_PAGES_PATCH)) {
    // `parallel` quarters at once as before, in pages of at most MAX_PAGE per activity.
    const lanes = Math.ceil(parallel / MAX_PAGE);
    const size = Math.ceil(parallel / lanes);
    const pageLane = async (): Promise<void> => {
      for (let page = queue.splice(0, size); page.length > 0; page = queue.splice(0, size)) {
        try {
          (await applyInterventions({ quarterIds: page, intervention, batchId, auditActor })).forEach(record);
        } catch (err) {
          if (isCancellation(err)) throw err;
          // The page failed after its retries: each of its quarters once more on its own, so the
          // results say which one failed (those applied meanwhile answer as applied).
          for (const quarterId of page) await applyAlone(quarterId);
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, pageLane));
    return progress();
  }
  await Promise.all(Array.from({ length: parallel }, lane));
  return progress();
}
