import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Phase, ProgrammeCalendar } from '@genq/domain';

/**
 * The process contract: what the lifecycle workflow takes, answers and accepts.
 * Workers and clients both import it, so both agree on names and shapes.
 */

/** The task queue the process worker polls. */
export const PROCESS_TASK_QUEUE = 'genq-process';

/** Workflow type name of a quarter's lifecycle (Entwicklungs- and Umsetzungsphase). */
export const QUARTER_LIFECYCLE_WORKFLOW = 'quarterLifecycleWorkflow';

/** One workflow per quarter, addressable by the quarter id alone. */
export function quarterWorkflowId(quarterId: string): string {
  return `quarter-${quarterId}`;
}

export function quarterIdFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith('quarter-') ? workflowId.slice('quarter-'.length) : undefined;
}

export type { Phase };

export type StepStatus = 'pending' | 'active' | 'completed' | 'waived';

/** Where a quarter starts: the beginning by default; a later point for quarters that join mid-process. */
export interface StartPosition {
  phase: 'development' | 'implementation';
  /** Development step key to start at; earlier steps count as completed. */
  stepKey?: string;
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
}

export interface StepState {
  key: string;
  name: string;
  status: StepStatus;
  due: string;
  completedAt?: string;
}

export interface ProcessState {
  quarterId: string;
  programmeId: string;
  phase: Phase;
  /** Key of the step in progress, if any. */
  currentStep: string | null;
  steps: StepState[];
  /** Bumped on every change: the read model keeps only the newest version it has seen. */
  version: number;
  updatedAt: string;
}

/** A deliverable that completes a development step, reported by the owning service. */
export interface DeliverableReported {
  /** Idempotency key of the domain event; a duplicate changes nothing. */
  eventId: string;
  stepKey: string;
  at?: string;
}

export const processStateQuery = defineQuery<ProcessState>('processState');
export const deliverableReportedSignal = defineSignal<[DeliverableReported]>('deliverableReported');
