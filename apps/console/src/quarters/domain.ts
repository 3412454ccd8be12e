import type { RaRecord } from 'react-admin';

/**
 * Shapes the gateway serves for quarters. They mirror `QuarterDto` and `ProcessState` in
 * `@genq/contracts`; the console keeps its own copy because that package's entry also pulls
 * in the Temporal workflow runtime, which has no place in a browser bundle.
 */

/** The 16 German Länder, spelled as stored. */
export const LAENDER = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
] as const;

export const PHASES = ['development', 'implementation', 'reaudit', 'closed', 'withdrawn'] as const;
export type Phase = (typeof PHASES)[number];

/** Default steps of the Entwicklungsphase, in order. Unknown keys still render with the name the API sends. */
export const STEP_KEYS = [
  'kickoff',
  'analysis',
  'strategy_workshop',
  'participation',
  'goals_workshop',
  'decision_and_signing',
  'review_and_certification',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export const STEP_STATUSES = ['pending', 'active', 'completed', 'waived'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface ProcessStep {
  key: string;
  name: string;
  status: StepStatus;
  /** ISO date the step is due. */
  due: string;
  completedAt?: string;
}

export interface QuarterProcess {
  phase: Phase;
  currentStep: string | null;
  steps: ProcessStep[];
}

export interface Quarter extends RaRecord<string> {
  name: string;
  municipality: string;
  kreis: string | null;
  land: string;
  housingCompany: string;
  programmeId: string;
  /** Null while the lifecycle workflow is being started. */
  phase: Phase | null;
  currentStep: string | null;
  stalled?: boolean;
  stalledReason?: string | null;
  stalledSince?: string | null;
  paused?: boolean;
  nextDueAt?: string | null;
  overdueSince?: string | null;
  workflowStartedAt: string | null;
  createdAt: string;
  /** Only on GET one, and absent when the workflow could not be queried. */
  process?: QuarterProcess;
}

export const isKnownStep = (key: string): key is StepKey => (STEP_KEYS as readonly string[]).includes(key);
