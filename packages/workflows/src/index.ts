/**
 * @packageDocumentation
 * Every workflow of GenQ, in one barrel: the worker bundles exactly this file.
 */
export { quarterLifecycleWorkflow } from './quarter-lifecycle';
export { batchInterventionWorkflow } from './batch-intervention';
export { incidentRepairWorkflow } from './incident-repair';
