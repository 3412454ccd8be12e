/**
 * "Meine Aufgaben" (issue 17): what the signed-in person, or their organisation, must act on.
 * Each owner answers for its own facts: the actors service from the process read model (the
 * current step, the next deadline, stalled quarters), the agreements service from its records
 * (versions to sign or review, reports to review, amendments to confirm or accept). The
 * gateway merges the two lists; which role acts on what is decided in the services only.
 */
import type { Actor } from './auth';
import type { SignerDto } from './agreements';

export const TaskPatterns = {
  /** The actors service's tasks of an actor: `TasksForActorQuery` → `TaskDto[]`. */
  actors: 'actors.tasks.for-actor',
  /** Names of quarters in the actor's scope: `QuarterNamesQuery` → `Record<id, name>`. */
  quarterNames: 'actors.tasks.quarter-names',
  /** The agreements service's tasks of an actor, over the named quarters: `TasksForActorQuery` → `TaskDto[]`. */
  agreements: 'agreements.tasks.for-actor',
} as const;

export const TASK_KINDS = [
  /** A development step is open (kick-off, analysis, workshops, participation, decision). */
  'step',
  /** The next deadline of the implementation phase (annual report, milestone, Bilanzierung). */
  'deadline',
  /** The quarter is stalled (stockend): an operator should intervene. */
  'stalled',
  /** A submitted Zielvereinbarung awaits the signature of the actor's organisation. */
  'sign_agreement',
  /** A binding Zielvereinbarung awaits the programme office's review. */
  'review_agreement',
  /** A submitted annual report awaits the programme office's review. */
  'review_report',
  /** A proposed amendment awaits the confirmation of the actor's organisation. */
  'confirm_amendment',
  /** A confirmed amendment awaits the programme office's acceptance. */
  'accept_amendment',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The quarter tab that holds the form completing a task (the console links there). */
export const TASK_TABS = ['overview', 'actors', 'analysis', 'concept', 'agreement', 'reports', 'amendments'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

export interface TaskDto {
  /** Stable: kind, quarter and the record it is about. */
  id: string;
  kind: TaskKind;
  quarterId: string;
  /** Empty only if the quarter's name could not be found. */
  quarterName: string;
  /** What the task is about: the step key for `step`, the report year, the amendment's description, the stalled reason. */
  subject: string | null;
  /** When it is due; null when nothing sets a date (reviews wait since `since`). */
  dueAt: string | null;
  /** Since when it is overdue, if it is. */
  overdueSince: string | null;
  /** Since when it waits (submitted, stalled). */
  since: string | null;
  tab: TaskTab;
}

/** The tasks of the caller, the most urgent first (overdue, then due soonest, then waiting longest). */
export interface TaskList {
  data: TaskDto[];
  total: number;
  /** Tasks overdue among them (the menu shows both counts). */
  overdue: number;
}

export interface TasksForActorQuery {
  actor: Actor;
  /** Agreements only: the quarters in the actor's scope (absent: every quarter). */
  quarterIds?: string[];
  /** Agreements only: the actor's organisation as it signs (absent for roles that never sign). */
  signer?: SignerDto;
}

export interface QuarterNamesQuery {
  actor: Actor;
  ids: string[];
}

/** Most urgent first: overdue (longest first), then due soonest, then waiting longest, then by quarter name. */
export function compareTasks(a: TaskDto, b: TaskDto): number {
  const ao = a.overdueSince ?? '\uffff';
  const bo = b.overdueSince ?? '\uffff';
  if (ao !== bo) return ao < bo ? -1 : 1;
  const ad = a.dueAt ?? '\uffff';
  const bd = b.dueAt ?? '\uffff';
  if (ad !== bd) return ad < bd ? -1 : 1;
  const as = a.since ?? '\uffff';
  const bs = b.since ?? '\uffff';
  if (as !== bs) return as < bs ? -1 : 1;
  return a.quarterName.localeCompare(b.quarterName, 'de') || a.id.localeCompare(b.id);
}
