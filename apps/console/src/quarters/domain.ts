import { LAENDER, STEP_STATUSES } from '@genq/contracts';
import type { Deadline, Phase, QuarterDto, StepStatus } from '@genq/contracts';
import { PHASES } from '@genq/domain';
import type { RaRecord } from 'react-admin';

/**
 * Shapes the gateway serves for quarters, typed from `QuarterDto` and `ProcessState` in
 * `@genq/contracts`, with its lists (and the domain's phases) as values. The default step keys
 * are the default catalogue's data, which the browser does not load: the console keeps them
 * for the labels it has translations for; any other key renders with the name the API sends.
 */

/** The 16 German Länder, spelled as stored. */
export { LAENDER, PHASES, STEP_STATUSES };

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
    Partial<Pick<QuarterDto, 'stalled' | 'stalledReason' | 'stalledSince' | 'paused' | 'nextDueAt' | 'overdueSince' | 'municipalityId' | 'housingCompanyId'>> {
  /** Only on GET one, and absent when the workflow could not be queried. */
  process?: QuarterProcess;
}

export const isKnownStep = (key: string): key is StepKey => (STEP_KEYS as readonly string[]).includes(key);
