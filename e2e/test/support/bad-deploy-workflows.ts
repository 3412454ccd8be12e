/**
 * A deliberately non-deterministic deploy, for incidents-reset.e2e-spec.ts only: the worker
 * bundles this module instead of @genq/workflows (WORKER_WORKFLOWS_PATH). The lifecycle starts
 * with a timer the real one does not have, so this build cannot replay a history the real one
 * wrote, and the real one cannot replay a history this one wrote: the bad deploy and its fix.
 */
import { sleep } from '@temporalio/workflow';
import { quarterLifecycleWorkflow as real } from '@genq/workflows';

export { batchInterventionWorkflow, incidentRepairWorkflow } from '@genq/workflows';

export async function quarterLifecycleWorkflow(...args: Parameters<typeof real>): ReturnType<typeof real> {
  await sleep(1);
  return real(...args);
}
