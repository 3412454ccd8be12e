import { activitiesToReset, closedObservation, FailingSince, failureSummary, notYetStarted, observationsOf, pauseRefusal, type IncidentThresholds } from './observe';

const ts = (iso: string) => ({ seconds: Math.floor(Date.parse(iso) / 1000), nanos: 0 });
const wf = { workflowId: 'quarter-q1', runId: 'r1', workflowType: 'quarterLifecycleWorkflow', programmeId: 'p1' };
const thresholds: IncidentThresholds = { activityAttempts: 3, activityAgeMs: 60_000, workflowTaskAttempts: 2 };
const failure = { message: 'Activity task failed', cause: { message: 'no responders for actors.quarters.project-process-state', applicationFailureInfo: { type: 'ServiceUnavailable' } } };
const activity = (attempt: number, extra: Record<string, unknown> = {}) => ({
  activityId: '7',
  activityType: { name: 'projectProcessState' },
  attempt,
  lastFailure: failure,
  lastAttemptCompleteTime: ts('2026-12-01T10:00:30Z'),
  nextAttemptScheduleTime: ts('2026-12-01T10:01:00Z'),
  ...extra,
});
/** A describe answer as the server sends it (timestamps' seconds are Longs there, numbers here). */
const d = (x: unknown) => x as Parameters<typeof observationsOf>[1];
const NOW = Date.parse('2026-12-01T10:00:40Z');

describe('incident observations from a describe answer', () => {
  it('reports an activity once it failed the configured number of attempts, with its innermost failure', () => {
    const failing = new FailingSince();
    expect(observationsOf(wf, d({ pendingActivities: [activity(3)] }), NOW, thresholds, failing)).toEqual([]);
    const [o] = observationsOf(wf, d({ pendingActivities: [activity(4)] }), NOW + 10_000, thresholds, failing);
    expect(o).toEqual({
      key: 'quarter-q1/r1/activity/7',
      kind: 'activity',
      workflowId: 'quarter-q1',
      runId: 'r1',
      workflowType: 'quarterLifecycleWorkflow',
      quarterId: 'q1',
      programmeId: 'p1',
      activityId: '7',
      activityType: 'projectProcessState',
      attempts: 3,
      errorType: 'ServiceUnavailable',
      message: 'no responders for actors.quarters.project-process-state',
      // Since the first scan that saw it failing, not since this one.
      since: new Date(NOW).toISOString(),
      lastFailureAt: '2026-12-01T10:00:30.000Z',
      nextRetryAt: '2026-12-01T10:01:00.000Z',
      paused: false,
    });
  });

  it('reports an activity failing longer than the age threshold whatever its attempts, and forgets one that recovered', () => {
    const failing = new FailingSince();
    expect(observationsOf(wf, d({ pendingActivities: [activity(2)] }), NOW, thresholds, failing)).toEqual([]);
    failing.endScan();
    expect(observationsOf(wf, d({ pendingActivities: [activity(2)] }), NOW + 60_000, thresholds, failing)).toHaveLength(1);
    failing.endScan();
    // A scan without it: it recovered; failing again later starts a new clock.
    failing.endScan();
    expect(observationsOf(wf, d({ pendingActivities: [activity(2)] }), NOW + 120_000, thresholds, failing)).toEqual([]);
  });

  it('leaves first attempts and activities without a failure alone, and says when one is paused', () => {
    const failing = new FailingSince();
    expect(observationsOf(wf, d({ pendingActivities: [activity(1), activity(9, { lastFailure: null })] }), NOW, thresholds, failing)).toEqual([]);
    const [o] = observationsOf(wf, d({ pendingActivities: [activity(9, { paused: true })] }), NOW, thresholds, failing);
    expect(o).toMatchObject({ paused: true, nextRetryAt: null });
  });

  it('reports a workflow task failing again and again with the failure from the history', () => {
    const failing = new FailingSince();
    const task = (attempt: number) => d({ pendingWorkflowTask: { attempt, originalScheduledTime: ts('2026-12-01T09:59:00Z'), startedTime: ts('2026-12-01T10:00:35Z') } });
    const wtFailure = { message: '[TMPRL1100] Nondeterminism error: Activity type of scheduled event does not match', applicationFailureInfo: { type: 'NondeterminismError' } };
    expect(observationsOf(wf, task(2), NOW, thresholds, failing, wtFailure)).toEqual([]);
    const [o] = observationsOf(wf, task(3), NOW, thresholds, failing, wtFailure);
    expect(o).toMatchObject({
      key: 'quarter-q1/r1/workflow-task',
      kind: 'workflow_task',
      activityId: null,
      activityType: 'quarterLifecycleWorkflow',
      attempts: 2,
      errorType: 'NondeterminismError',
      since: '2026-12-01T09:59:00.000Z',
    });
    expect(o!.message).toContain('Nondeterminism');
  });

  it('says no quarter for workflows of none', () => {
    const [o] = observationsOf({ ...wf, workflowId: 'batch-b1', programmeId: null }, d({ pendingActivities: [activity(5)] }), NOW, thresholds, new FailingSince());
    expect(o).toMatchObject({ quarterId: null, programmeId: null });
    expect(failureSummary(undefined)).toEqual({ errorType: null, message: '' });
  });
});

describe('which activities "retry now" resets', () => {
  const SCHEDULED = 1;
  const STARTED = 2;
  it('resets the incident activity and every other failing one waiting out its backoff, never a running one', () => {
    const describe = d({
      pendingActivities: [
        activity(7, { activityId: '7', state: SCHEDULED }),
        activity(6, { activityId: '8', activityType: { name: 'recordAudit' }, state: SCHEDULED }),
        activity(4, { activityId: '9', state: STARTED }),
        activity(1, { activityId: '10', lastFailure: null, state: SCHEDULED }),
        activity(5, { activityId: '11', state: SCHEDULED, paused: true }),
      ],
    });
    expect(activitiesToReset(describe, '7')).toEqual(['7', '8']);
    // The incident's own activity is reset when paused (retry resumes it), not when running.
    expect(activitiesToReset(describe, '11')).toEqual(['7', '8', '11']);
    expect(activitiesToReset(describe, '9')).toEqual(['7', '8']);
  });

  it('knows which reset activities a worker has not picked up yet', () => {
    const describe = d({
      pendingActivities: [
        activity(1, { activityId: '7', state: SCHEDULED }),
        activity(1, { activityId: '8', state: STARTED }),
        activity(2, { activityId: '9', state: SCHEDULED }),
      ],
    });
    // 7 waits for dispatch; 8 runs; 9 ran and failed again (attempt 2); 10 finished (gone).
    expect(notYetStarted(describe, ['7', '8', '9', '10'])).toEqual(['7']);
  });
});

describe('pause and resume refused before they are sent', () => {
  // Temporal answers both with success and changes nothing, so the refusal is ours.
  const describe = d({ pendingActivities: [activity(5, { activityId: '7' }), activity(4, { activityId: '8', paused: true })] });

  it('pauses a running or retrying activity and resumes a paused one', () => {
    expect(pauseRefusal(describe, '7', 'pause')).toBeNull();
    expect(pauseRefusal(describe, '8', 'resume')).toBeNull();
  });

  it('refuses to pause a paused activity and to resume one that is not paused', () => {
    expect(pauseRefusal(describe, '8', 'pause')).toMatchObject({ code: 'incident.already_paused' });
    expect(pauseRefusal(describe, '7', 'resume')).toMatchObject({ code: 'incident.not_paused' });
  });

  it('says so when the activity is no longer pending (it finished meanwhile)', () => {
    expect(pauseRefusal(describe, '9', 'pause')).toMatchObject({ code: 'incident.activity_gone' });
    expect(pauseRefusal(d({}), '7', 'resume')).toMatchObject({ code: 'incident.activity_gone' });
  });
});

describe('the incident of a workflow that ended as failed or timed out', () => {
  const FAILED = 3; // EVENT_TYPE_WORKFLOW_EXECUTION_FAILED
  const TIMED_OUT = 4; // EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT
  const COMPLETED = 2; // EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED
  const closedAt = Date.parse('2026-12-01T09:00:00Z');

  it('says what Temporal says: the innermost failure of a failed workflow, since its close time', () => {
    const event = { eventType: FAILED, workflowExecutionFailedEventAttributes: { failure: { message: 'Workflow failed', cause: { message: 'Cannot read properties of undefined', applicationFailureInfo: { type: 'TypeError' } } } } };
    expect(closedObservation(wf, event, closedAt)).toEqual({
      key: 'quarter-q1/r1/closed',
      kind: 'workflow_closed',
      workflowId: 'quarter-q1',
      runId: 'r1',
      workflowType: 'quarterLifecycleWorkflow',
      quarterId: 'q1',
      programmeId: 'p1',
      activityId: null,
      activityType: 'quarterLifecycleWorkflow',
      attempts: 1,
      errorType: 'TypeError',
      message: 'Cannot read properties of undefined',
      since: '2026-12-01T09:00:00.000Z',
      lastFailureAt: '2026-12-01T09:00:00.000Z',
      nextRetryAt: null,
      paused: false,
    });
  });

  it('names a timeout, and is no incident for a workflow that completed', () => {
    expect(closedObservation(wf, { eventType: TIMED_OUT }, closedAt)).toMatchObject({ kind: 'workflow_closed', errorType: 'WorkflowTimedOut' });
    expect(closedObservation(wf, { eventType: COMPLETED }, closedAt)).toBeNull();
    expect(closedObservation(wf, undefined, closedAt)).toBeNull();
  });
});
