import type { Deadline, Land, Phase, QuarterDto, StepStatus } from '@genq/contracts';
import type { RaRecord } from 'react-admin';

/**
 * Shapes the gateway serves for quarters, typed from `QuarterDto` and `ProcessState` in
 * `@genq/contracts`. Types only: that package's entry also pulls in the Temporal workflow
 * runtime, which has no place in a browser bundle. The lists below are runtime values, so the
 * console keeps them, each checked against the contracts' type.
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
] as const satisfies readonly Land[];

export const PHASES = ['development', 'implementation', 'reaudit', 'closed', 'withdrawn'] as const satisfies readonly Phase[];
export type { Phase, StepStatus };

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

export const STEP_STATUSES = ['pending', 'active', 'completed', 'waived'] as const satisfies readonly StepStatus[];

/** A step as GET one shows it; `due` is the ISO date the step is due. */
export type ProcessStep = Pick<Deadline, 'key' | 'name' | 'status' | 'due' | 'completedAt'>;

export interface QuarterProcess {
  phase: Phase;
  currentStep: string | null;
  steps: ProcessStep[];
}

/** A quarter as the list and GET one serve it; `phase` is null while the lifecycle workflow is being started. */
export interface Quarter
  extends RaRecord<string>,
    Pick<QuarterDto, 'name' | 'municipality' | 'kreis' | 'land' | 'housingCompany' | 'programmeId' | 'phase' | 'currentStep' | 'workflowStartedAt' | 'createdAt'>,
    Partial<Pick<QuarterDto, 'stalled' | 'stalledReason' | 'stalledSince' | 'paused' | 'nextDueAt' | 'overdueSince'>> {
  /** Only on GET one, and absent when the workflow could not be queried. */
  process?: QuarterProcess;
}

export const isKnownStep = (key: string): key is StepKey => (STEP_KEYS as readonly string[]).includes(key);
