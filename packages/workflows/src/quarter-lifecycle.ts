import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  deliverableReportedSignal,
  processStateQuery,
  type DeliverableReported,
  type ProcessActivities,
  type ProcessState,
  type QuarterLifecycleInput,
  type StepState,
} from '@genq/contracts';
import { developmentSchedule } from '@genq/domain';

const { projectProcessState } = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes' },
});

/** Builds the initial state, honouring a start position for quarters that join mid-process. */
export function initialState(input: QuarterLifecycleInput, now: string): ProcessState {
  const steps: StepState[] = developmentSchedule(input.calendar, new Date(input.startedAt)).map((s) => ({
    key: s.key,
    name: s.name,
    due: s.due,
    status: 'pending',
  }));
  const startAt = input.startAt;
  let phase: ProcessState['phase'] = 'development';
  if (startAt?.phase === 'implementation') {
    for (const s of steps) s.status = 'completed';
    phase = 'implementation';
  } else if (startAt?.stepKey) {
    const index = steps.findIndex((s) => s.key === startAt.stepKey);
    for (const s of steps.slice(0, Math.max(index, 0))) s.status = 'completed';
  }
  const state: ProcessState = {
    quarterId: input.quarterId,
    programmeId: input.programmeId,
    phase,
    currentStep: null,
    steps,
    version: 0,
    updatedAt: now,
  };
  activateNext(state);
  return state;
}

/** Makes the first pending step the current one; ends the development phase after the last. */
function activateNext(state: ProcessState): void {
  if (state.phase !== 'development') {
    state.currentStep = null;
    return;
  }
  const next = state.steps.find((s) => s.status === 'pending' || s.status === 'active');
  if (next) {
    next.status = 'active';
    state.currentStep = next.key;
  } else {
    state.currentStep = null;
    state.phase = 'implementation';
  }
}

/**
 * A quarter's lifecycle (id `quarter-<quarterId>`): the development phase's steps in order,
 * each completed by the deliverable its owning service reports, then the implementation phase.
 */
export async function quarterLifecycleWorkflow(input: QuarterLifecycleInput): Promise<ProcessState> {
  const state = initialState(input, new Date(workflowInfo().startTime).toISOString());
  const seenEvents = new Set<string>();
  let projectedVersion = -1;

  setHandler(processStateQuery, () => state);
  setHandler(deliverableReportedSignal, (event: DeliverableReported) => {
    if (seenEvents.has(event.eventId)) return;
    seenEvents.add(event.eventId);
    const step = state.steps.find((s) => s.key === event.stepKey);
    if (!step || step.key !== state.currentStep) return;
    step.status = 'completed';
    step.completedAt = event.at ?? new Date().toISOString();
    activateNext(state);
    state.version += 1;
    state.updatedAt = new Date().toISOString();
  });

  state.version = 1;
  for (;;) {
    if (state.version !== projectedVersion) {
      projectedVersion = state.version;
      await projectProcessState({
        quarterId: state.quarterId,
        phase: state.phase,
        currentStep: state.currentStep,
        version: state.version,
      });
    }
    if (state.phase === 'closed' || state.phase === 'withdrawn') return state;
    await condition(() => state.version !== projectedVersion);
  }
}
