import type { ClientProxy } from '@nestjs/microservices';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { AuditPatterns, processRefusalOf, quarterWorkflowId, type AuditRecordCommand, type BatchActivities, type BatchItemResult } from '@genq/contracts';
import { interveneUpdate } from '@genq/contracts/temporal';
import { request } from '@genq/service-kit';
import { call } from './process.activities';

/**
 * Applies an intervention to one quarter through the same validated update an operator
 * uses for one, and records it in the audit log under the operator who started the batch.
 */
export function createBatchActivities({ client, actors }: { client: Client; actors: ClientProxy }): BatchActivities {
  const activities: BatchActivities = {
    async applyIntervention({ quarterId, intervention, batchId, auditActor }): Promise<BatchItemResult> {
      try {
        // The id makes a retry of this step (after a crash) apply once.
        const id = batchId ? `batch-${batchId}-${quarterId}` : undefined;
        const result = await client.workflow
          .getHandle(quarterWorkflowId(quarterId))
          .executeUpdate(interveneUpdate, { args: [{ ...intervention, ...(id ? { id } : {}) }] });
        const entry: AuditRecordCommand = {
          actor: auditActor ?? { userId: intervention.operator.id, email: null, role: 'system' },
          action: `intervention.${intervention.kind}`,
          resourceType: 'quarter',
          resourceId: quarterId,
          quarterId,
          reason: intervention.reason,
          before: result.before,
          after: result.after,
          requestId: batchId ? `batch-${batchId}` : null,
          // A retry after a crash between the update and this entry appends nothing (the first
          // attempt's entry, with before and after, stays).
          ...(id ? { key: id } : {}),
        };
        await call(() => request(actors, 'actors', AuditPatterns.record, entry));
        const said = result.summaryCode ? { summaryCode: result.summaryCode, summaryParams: result.summaryParams ?? {} } : {};
        return { quarterId, outcome: 'applied', summary: result.summary, ...said };
      } catch (err) {
        // A validator's refusal is an answer, not a failure: record it and go on.
        // Its code and parameters go with it, so the console says it in the operator's language.
        if (err instanceof WorkflowUpdateFailedError) {
          const refusal = processRefusalOf(err.cause);
          const coded = refusal ? { reasonCode: refusal.code, reasonParams: refusal.params } : {};
          return { quarterId, outcome: 'refused', reason: err.cause?.message ?? err.message, ...coded };
        }
        if (err instanceof Error && err.name === 'WorkflowNotFoundError') {
          return { quarterId, outcome: 'refused', reason: 'the quarter has no running process', reasonCode: 'quarter.no_process', reasonParams: { quarterId } };
        }
        throw err;
      }
    },

    applyInterventions: ({ quarterIds, ...rest }) => applyToPage(quarterIds, (quarterId) => activities.applyIntervention({ quarterId, ...rest })),
  };
  return activities;
}

/**
 * A page of a batch: every quarter at once (the batch sizes its pages to its parallelism). Each
 * quarter is tried even when another fails; then the first failure fails the page, so that Temporal
 * retries it (quarters already applied answer as before: their intervention ids repeat).
 */
export async function applyToPage(quarterIds: string[], applyOne: (quarterId: string) => Promise<BatchItemResult>): Promise<BatchItemResult[]> {
  const settled = await Promise.allSettled(quarterIds.map(applyOne));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<BatchItemResult>).value);
}
