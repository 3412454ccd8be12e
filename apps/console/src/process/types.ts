import type { Phase, StepStatus } from '../quarters/domain';

/**
 * Shapes of the process API (`ProcessState`, `Intervention` in `@genq/contracts`), copied
 * because that package's entry pulls in the Temporal runtime.
 */
export const INTERVENTION_KINDS = [
  'extend_deadline',
  'waive_step',
  'reopen_step',
  'reassign',
  'pause',
  'resume',
  'remind_now',
  'withdraw',
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export interface ReminderView {
  kind: string;
  occurrence: number;
  at: string;
}

export interface DeadlineView {
  key: string;
  name: string;
  status: StepStatus;
  due: string;
  completedAt?: string;
  waivedReason?: string;
  responsible?: { name: string; email?: string };
  reminders: ReminderView[];
}

export interface InterventionRecordView {
  id: string;
  kind: InterventionKind;
  operator: { id: string; name: string };
  reason: string;
  at: string;
  summary: string;
}

export interface ProcessStateView {
  quarterId: string;
  phase: Phase;
  cycle: number;
  currentStep: string | null;
  steps: DeadlineView[];
  reports: Array<DeadlineView & { year: number; final: boolean }>;
  reaudit: DeadlineView | null;
  responsible?: { name: string; email?: string };
  paused: { since: string; reason: string } | null;
  stalled: { since: string; reason: string } | null;
  nextDue: string | null;
  withdrawn: { at: string; reason: string } | null;
  closedAt: string | null;
  interventions: InterventionRecordView[];
}

export interface InterventionRequest {
  kind: InterventionKind;
  reason: string;
  key?: string;
  shiftAll?: boolean;
  by?: string;
  until?: string;
  responsible?: { name: string; email?: string };
}

export interface InterventionResult {
  kind: InterventionKind;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface BatchPreview {
  total: number;
  quarters: Array<{ id: string; name: string; municipality: string; phase: Phase | null; currentStep: string | null; stalled: boolean }>;
}

export interface BatchItemResult {
  quarterId: string;
  outcome: 'applied' | 'refused' | 'failed';
  reason?: string;
  summary?: string;
}

export interface BatchProgress {
  total: number;
  done: number;
  applied: number;
  refused: number;
  failed: number;
  finished: boolean;
  results: BatchItemResult[];
}

/** Every deadline of a process a keyed intervention may name: steps, reports, the Bilanzierung. */
export const deadlinesOf = (process: ProcessStateView): DeadlineView[] => [
  ...process.steps,
  ...(process.reports ?? []),
  ...(process.reaudit ? [process.reaudit] : []),
];
