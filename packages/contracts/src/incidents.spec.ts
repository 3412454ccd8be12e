import { resetPreviewOf, workflowTaskFacts, type HistoryEventLine } from './incidents';

const incident = { id: 'i', workflowId: 'quarter-q', runId: 'r' };
const at = null;
/** A history: the good build's first task and its command, then `rest`. */
const history = (rest: Array<[string, string?]>): HistoryEventLine[] =>
  [
    ['WORKFLOW_EXECUTION_STARTED'],
    ['WORKFLOW_TASK_SCHEDULED'],
    ['WORKFLOW_TASK_STARTED'],
    ['WORKFLOW_TASK_COMPLETED', 'good'],
    ['ACTIVITY_TASK_SCHEDULED'],
    ...rest,
  ].map(([type, build], i) => ({ eventId: i + 1, type: type!, at, ...(build ? { build } : {}) }));

describe('resetPreviewOf', () => {
  it('goes back to the last completed workflow task when the failing task ran on the same build', () => {
    const events = history([['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_COMPLETED', 'good'], ['TIMER_STARTED'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_FAILED', 'good']]);
    const preview = resetPreviewOf(incident, events);
    expect(preview).toMatchObject({ resetToEventId: 8, replayed: 8, possible: true, reasonCode: null });
    expect(preview.discarded.map((e) => e.type)).toEqual(['TIMER_STARTED', 'WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_FAILED']);
    expect(preview.discarded[0]).toEqual({ eventId: 9, type: 'TIMER_STARTED', at }); // no build in the answer
  });

  it('after a bad deploy, goes back before every task the bad build completed, so the fixed build discards its commands', () => {
    const events = history([
      ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_COMPLETED', 'bad'], ['TIMER_STARTED'],
      ['TIMER_FIRED'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_COMPLETED', 'bad'], ['ACTIVITY_TASK_SCHEDULED'],
      ['WORKFLOW_EXECUTION_SIGNALED'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_FAILED', 'good'],
    ]);
    expect(resetPreviewOf(incident, events)).toMatchObject({ resetToEventId: 8, replayed: 8, possible: true });
  });

  it('after a non-deterministic failure of a worker whose build the failed task does not record (the TypeScript SDK), goes back the same way', () => {
    const events = history([
      ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_COMPLETED', 'bad'], ['TIMER_STARTED'],
      ['WORKFLOW_EXECUTION_SIGNALED'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_FAILED'],
    ]).map((e) => (e.type === 'WORKFLOW_TASK_FAILED' ? { ...e, cause: 'NON_DETERMINISTIC_ERROR' } : e));
    expect(resetPreviewOf(incident, events)).toMatchObject({ resetToEventId: 8, replayed: 8 });
    // Any other failure of a task: the last completed one.
    expect(resetPreviewOf(incident, events.map((e) => (e.cause ? { ...e, cause: 'UNHANDLED_COMMAND' } : e)))).toMatchObject({ resetToEventId: 8 });
    const twice = history([['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_COMPLETED', 'good'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_FAILED']]);
    expect(resetPreviewOf(incident, twice)).toMatchObject({ resetToEventId: 8 });
    expect(resetPreviewOf(incident, twice.map((e) => (e.type === 'WORKFLOW_TASK_FAILED' ? { ...e, cause: 'NON_DETERMINISTIC_ERROR' } : e)))).toMatchObject({ resetToEventId: 4 });
  });

  it('goes back to the first task when the bad build ran the whole run', () => {
    const events = history([['WORKFLOW_EXECUTION_SIGNALED'], ['WORKFLOW_TASK_SCHEDULED'], ['WORKFLOW_TASK_STARTED'], ['WORKFLOW_TASK_FAILED', 'fixed']]).map((e) => (e.build === 'good' ? { ...e, build: 'bad' } : e));
    expect(resetPreviewOf(incident, events)).toMatchObject({ resetToEventId: 4, replayed: 4 });
  });

  it('refuses when no workflow task ever completed', () => {
    const events = history([]).slice(0, 3);
    expect(resetPreviewOf(incident, events)).toMatchObject({ resetToEventId: null, possible: false, reasonCode: 'incident.reset_no_good_task', discarded: [] });
  });
});

describe('workflowTaskFacts', () => {
  const causes = { 24: 'WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR' };
  it('reads the build id, else the binary checksum, and a failed task\'s cause by its name', () => {
    expect(workflowTaskFacts({ workflowTaskCompletedEventAttributes: { workerVersion: { buildId: 'b1' }, binaryChecksum: 'c1' } }, causes)).toEqual({ build: 'b1' });
    expect(workflowTaskFacts({ workflowTaskFailedEventAttributes: { binaryChecksum: 'c2', cause: 24 } }, causes)).toEqual({ build: 'c2', cause: 'NON_DETERMINISTIC_ERROR' });
    expect(workflowTaskFacts({ workflowTaskFailedEventAttributes: { cause: 7 } }, causes)).toEqual({ build: null, cause: '7' });
    expect(workflowTaskFacts({}, causes)).toEqual({});
  });
});
