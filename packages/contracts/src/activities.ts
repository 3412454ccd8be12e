import type { ProjectProcessStateCommand } from './messages';

/**
 * Activities the process worker offers to workflows. Workflows import this interface as a
 * type only; the worker implements it as thin adapters over the services.
 */
export interface ProcessActivities {
  /** Projects the quarter's process state into the read model (idempotent by version). */
  projectProcessState(cmd: ProjectProcessStateCommand): Promise<void>;
}
