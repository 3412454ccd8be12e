import type { BatchProgress as BatchProgressDto, Deadline, InterventionKind, Phase, ProcessState, Responsible } from '@genq/contracts';

export type { BatchItemResult, InterventionKind, InterventionResult } from '@genq/contracts';

/** Shapes of the process API, typed from `@genq/contracts`; the kinds are its own list. */
export { INTERVENTION_KINDS } from '@genq/contracts';

export type DeadlineView = Deadline;

/** The part of `ProcessState` (GET /api/quarters/:id/process) the console reads. */
export type ProcessStateView = Pick<
  ProcessState,
  'quarterId' | 'phase' | 'cycle' | 'currentStep' | 'steps' | 'reports' | 'reaudit' | 'responsible' | 'paused' | 'stalled' | 'nextDue' | 'withdrawn' | 'closedAt' | 'interventions'
>;

/** The body of an intervention request: the contracts' `Intervention` without the operator, whom the gateway takes from the session. */
export interface InterventionRequest {
  kind: InterventionKind;
  reason: string;
  key?: string;
  shiftAll?: boolean;
  /** extend_deadline: the deadline each quarter is chasing now (batches). */
  current?: boolean;
  by?: string;
  until?: string;
  responsible?: Responsible;
}

/** The part of the contracts' `BatchProgress` the console reads. */
export type BatchProgress = Omit<BatchProgressDto, 'batchId' | 'startedBy'>;

/** The gateway's preview of a batch intervention: how many and which quarters it would touch. */
export interface BatchPreview {
  total: number;
  quarters: Array<{ id: string; name: string; municipality: string; phase: Phase | null; currentStep: string | null; stalled: boolean }>;
}

/** Every deadline of a process a keyed intervention may name: steps, reports, the Bilanzierung. */
export const deadlinesOf = (process: ProcessStateView): DeadlineView[] => [
  ...process.steps,
  ...(process.reports ?? []),
  ...(process.reaudit ? [process.reaudit] : []),
];
