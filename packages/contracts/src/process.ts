import type { Phase, ProgrammeCalendar, ReminderKind } from '@genq/domain';
import type { AuditActor, AuditContext } from './audit';
import type { InterventionSummaryCode, ProblemParams, ProcessProblemCode } from './problems';
import { processProblems } from './problems/process';

/**
 * The process contract: what the lifecycle workflow takes, answers and accepts.
 * Workers and clients both import it, so both agree on names and shapes.
 */

/** The task queue the process worker polls. */
export const PROCESS_TASK_QUEUE = 'genq-process';

/** Workflow type name of a quarter's lifecycle (Entwicklungs- and Umsetzungsphase). */
export const QUARTER_LIFECYCLE_WORKFLOW = 'quarterLifecycleWorkflow';
/** Workflow type name of an operator's batch intervention over many quarters. */
export const BATCH_INTERVENTION_WORKFLOW = 'batchInterventionWorkflow';

/** One workflow per quarter, addressable by the quarter id alone. */
export function quarterWorkflowId(quarterId: string): string {
  return `quarter-${quarterId}`;
}

export function quarterIdFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith('quarter-') ? workflowId.slice('quarter-'.length) : undefined;
}

export function batchWorkflowId(batchId: string): string {
  return `batch-${batchId}`;
}

export type { Phase };

export const STEP_STATUSES = ['pending', 'active', 'completed', 'waived'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Where a quarter starts: the beginning by default; a later point for quarters that join mid-process. */
export interface StartPosition {
  phase: 'development' | 'implementation';
  /** Development step key to start at; earlier steps count as completed. */
  stepKey?: string;
}

/** A person who is chased for a deadline. Least personal data: a name and, if known, an e-mail. */
export interface Responsible {
  name: string;
  email?: string;
}

/** Registration facts the process needs to address and label its quarter. */
export interface QuarterFacts {
  name: string;
  land: string;
  municipality: string;
  housingCompany: string;
}

/**
 * Input of the lifecycle workflow. One object, so fields can be added without breaking
 * histories. Carries the calendar snapshot: a quarter keeps the calendar it started with.
 */
export interface QuarterLifecycleInput {
  quarterId: string;
  programmeId: string;
  calendar: ProgrammeCalendar;
  /** ISO timestamp the development phase started at (the schedule's origin). */
  startedAt: string;
  startAt?: StartPosition;
  quarter?: QuarterFacts;
  /** Set by continue-as-new: the state to carry on from. */
  resume?: ProcessState;
  /**
   * False only where the Temporal server cannot register custom search attributes
   * (the time-skipping test server); everywhere else they are kept current.
   */
  searchAttributes?: boolean;
}

/** One reminder that went out (or an escalation). */
export interface ReminderRecord {
  kind: ReminderKind | 'manual';
  occurrence: number;
  at: string;
}

/** Anything with a due date the process chases: a development step, an annual or final report. */
export interface Deadline {
  key: string;
  name: string;
  status: StepStatus;
  due: string;
  completedAt?: string;
  waivedReason?: string;
  responsible?: Responsible;
  reminders: ReminderRecord[];
}

export type StepState = Deadline;

export interface ReportState extends Deadline {
  /** 1, 2, 3 for annual reports; the last one of a cycle is the final report. */
  year: number;
  final: boolean;
}

export interface InterventionRecord {
  id: string;
  kind: InterventionKind;
  operator: OperatorRef;
  reason: string;
  at: string;
  /** What it did, in English (kept for old readers; say `summaryCode` instead). */
  summary: string;
  /** What it did as a code and parameters (absent in records from before codes). */
  summaryCode?: InterventionSummaryCode;
  summaryParams?: ProblemParams;
}

export interface ProcessState {
  quarterId: string;
  programmeId: string;
  quarter?: QuarterFacts;
  phase: Phase;
  /** 1 for the first implementation cycle; a renewal starts the next. */
  cycle: number;
  /** Key of the development step in progress, if any. */
  currentStep: string | null;
  steps: StepState[];
  certifiedAt: string | null;
  certificateValidUntil: string | null;
  reports: ReportState[];
  /** The Bilanzierung (re-audit) deadline at the end of a cycle. */
  reaudit: Deadline | null;
  /** Milestones of the agreement's measures, chased with the same reminder policy. */
  milestones: Deadline[];
  /** The quarter's default responsible person (Projektleitung), reminded unless a step names another. */
  responsible?: Responsible;
  paused: { since: string; reason: string } | null;
  /** Total time spent paused, in ms; deadlines moved by it already. */
  pausedMs: number;
  stalled: { since: string; reason: string } | null;
  lastActivityAt: string;
  nextDue: string | null;
  /** An amendment waiting for confirmations and acceptance, if any. */
  amendment: AmendmentState | null;
  withdrawn: { at: string; reason: string } | null;
  closedAt: string | null;
  interventions: InterventionRecord[];
  /** Bumped on every change: the read model keeps only the newest version it has seen. */
  version: number;
  updatedAt: string;
}

export interface AmendmentState {
  id: string;
  description: string;
  confirmedBy: Array<'housing_company' | 'municipality'>;
  accepted: boolean;
}

// ---- Domain events reported by the services --------------------------------------------

/**
 * Something that happened in a service and moves the process. `eventId` is the
 * idempotency key: the same event twice changes nothing.
 */
export type ProcessEvent =
  | { type: 'kickoff_recorded' }
  | { type: 'analysis_submitted' }
  | { type: 'workshop_recorded'; workshop: 'strategy_workshop' | 'goals_workshop' }
  | { type: 'participation_recorded' }
  | { type: 'agreement_signed' }
  | {
      type: 'review_decided';
      decision: 'approved' | 'sent_back';
      /** Where a sent-back concept goes: the goals workshop or the decision step. */
      loopTo?: 'goals_workshop' | 'decision_and_signing';
      /** New deadline for the step it loops to (ISO date or duration from now). */
      newDue?: string;
      requiredChanges?: string;
      /** With an approval: the measure milestones of the agreement, chased like every deadline. */
      milestones?: MilestoneDeadline[];
    }
  | { type: 'milestone_reached'; key: string }
  | { type: 'report_submitted'; year: number }
  /** The programme office returned a submitted report: it is due again. */
  | { type: 'report_returned'; year: number }
  | { type: 'measure_status_changed'; measureId: string; status: string }
  | { type: 'amendment_proposed'; amendmentId: string; description: string }
  | { type: 'amendment_confirmed'; amendmentId: string; party: 'housing_company' | 'municipality' }
  | { type: 'amendment_accepted'; amendmentId: string }
  | { type: 'amendment_rejected'; amendmentId: string; reason: string }
  | { type: 'reaudit_decided'; decision: 'renewed' | 'expired' };

/** A measure's milestone as the process tracks it; the key is stable across agreement versions. */
export interface MilestoneDeadline {
  key: string;
  name: string;
  due: string;
}

export type ProcessEventEnvelope = ProcessEvent & Audited & {
  eventId: string;
  quarterId: string;
  /** When it happened; defaults to when the workflow receives it. */
  at?: string;
};

export interface EventOutcome {
  /** False when the event was a duplicate or did not apply; `reasonCode` says why (`reason` in English). */
  applied: boolean;
  reason?: string;
  reasonCode?: ProcessProblemCode;
  reasonParams?: ProblemParams;
  phase: Phase;
  currentStep: string | null;
}

// ---- Operator interventions ---------------------------------------------------------

export interface OperatorRef {
  id: string;
  name: string;
}

export type InterventionKind =
  | 'extend_deadline'
  | 'waive_step'
  | 'reopen_step'
  | 'reassign'
  | 'pause'
  | 'resume'
  | 'remind_now'
  | 'withdraw';

export const INTERVENTION_KINDS: readonly InterventionKind[] = [
  'extend_deadline',
  'waive_step',
  'reopen_step',
  'reassign',
  'pause',
  'resume',
  'remind_now',
  'withdraw',
];

/**
 * What an operator asks for. Every intervention carries who and why; an `id` makes a
 * retried request (a batch step after a crash) apply once.
 */
/**
 * Who asked for an intervention or reported an event over HTTP, and in which request: with it
 * the workflow records the audit entry once the update is applied (a batch's and the
 * services' updates carry none; they are recorded where they start).
 */
export type Audited = { audit?: AuditContext };

export type Intervention = { operator: OperatorRef; reason: string; id?: string } & Audited & (
  | {
      kind: 'extend_deadline';
      /** A step or report key; omitted with `shiftAll` to move every remaining deadline, or with `current`. */
      key?: string;
      shiftAll?: boolean;
      /**
       * The deadline the process is chasing now (the open one due first), whichever it is: a
       * development step, an annual report, a milestone or the Bilanzierung. For a batch over
       * quarters in different steps.
       */
      current?: boolean;
      /** ISO-8601 duration to add (e.g. P14D), or... */
      by?: string;
      /** ...an absolute new due date (single deadline only). */
      until?: string;
    }
  | { kind: 'waive_step'; key: string }
  | { kind: 'reopen_step'; key: string; until?: string }
  | { kind: 'reassign'; key?: string; responsible: Responsible }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'remind_now'; key?: string }
  | { kind: 'withdraw' }
);

export interface InterventionResult {
  kind: InterventionKind;
  /** What it did, in English (kept for old readers; say `summaryCode` instead). */
  summary: string;
  summaryCode?: InterventionSummaryCode;
  summaryParams?: ProblemParams;
  /**
   * Set when the quarter is still overdue after the intervention (e.g. an extension to a date
   * that has passed): since when. The stalled mark stays then.
   */
  stillOverdueSince?: string;
  /** The part of the state the intervention changed, before and after (for the audit log). */
  before: unknown;
  after: unknown;
}

// ---- Batch interventions -------------------------------------------------------------

export interface BatchInterventionInput {
  batchId: string;
  quarterIds: string[];
  intervention: Intervention;
  /** Filter the batch was made from, kept for the record. */
  filter: Record<string, unknown>;
  requestedAt: string;
  /** Who started it, for the audit entry of each quarter's intervention. */
  auditActor?: AuditActor;
  /**
   * Who started it and in which request, with the quarters by programme: the workflow records
   * one `intervention.batch.<kind>` entry per programme it touches before it starts.
   */
  audit?: AuditContext & { quarterIdsByProgramme: Record<string, string[]> };
  /**
   * Quarters worked on at once (the gateway's `BATCH_PARALLELISM`, default
   * {@link DEFAULT_BATCH_PARALLELISM}). Batches started before it existed run four at a time.
   */
  parallelism?: number;
}

/** Quarters a batch works on at once unless configured otherwise: sized for a 2-core embedded stack. */
export const DEFAULT_BATCH_PARALLELISM = 24;

/**
 * Which per-quarter results a progress query returns, in the order they came in: `start`
 * to `end` inclusive (react-admin's range). Without it, every result (the old answer).
 */
export interface BatchResultsRange {
  start: number;
  end: number;
}

export interface BatchItemResult {
  quarterId: string;
  outcome: 'applied' | 'refused' | 'failed';
  /** Why it was refused or failed, in English; `reasonCode` and `reasonParams` say it as a problem code. */
  reason?: string;
  reasonCode?: ProcessProblemCode;
  reasonParams?: ProblemParams;
  summary?: string;
  summaryCode?: InterventionSummaryCode;
  summaryParams?: ProblemParams;
}

export interface BatchProgress {
  batchId: string;
  /** The user who started the batch: only they follow it. */
  startedBy: string | null;
  total: number;
  done: number;
  applied: number;
  refused: number;
  failed: number;
  finished: boolean;
  /**
   * The results asked for: all of them, or with a range the results from `resultsStart` on
   * (at most the range's length), so polling costs the same however large the batch.
   */
  results: BatchItemResult[];
  /** Index of `results[0]` among all results (0 when every result is returned). */
  resultsStart?: number;
}

// ---- Refusals ---------------------------------------------------------------------------

/** The ApplicationFailure type of a refusal by the lifecycle workflow's update validators. */
export const PROCESS_REFUSAL_TYPE = 'Refusal';

/** What a refusal carries as its failure's first detail: a process problem code and its parameters. */
export interface ProcessRefusal {
  code: ProcessProblemCode;
  params: ProblemParams;
}

/**
 * The code and parameters of a workflow's refusal (the `cause` of a failed update), or null
 * for any other failure, or a refusal of a worker from before codes (its message is all there is).
 */
export function processRefusalOf(failure: unknown): ProcessRefusal | null {
  if (!failure || typeof failure !== 'object') return null;
  const { type, details } = failure as { type?: unknown; details?: unknown };
  if (type !== PROCESS_REFUSAL_TYPE || !Array.isArray(details)) return null;
  const first = details[0] as { code?: unknown; params?: unknown } | undefined;
  if (!first || typeof first.code !== 'string' || !Object.prototype.hasOwnProperty.call(processProblems, first.code)) return null;
  const params = first.params && typeof first.params === 'object' ? (first.params as ProblemParams) : {};
  return { code: first.code as ProcessProblemCode, params };
}
