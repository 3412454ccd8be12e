import { quarterTasks, type QuarterTaskState } from './task-rules';

const q = (over: Partial<QuarterTaskState> = {}): QuarterTaskState => ({
  id: 'q1',
  name: 'Nordstadt',
  phase: 'development',
  currentStep: 'analysis',
  paused: false,
  stalled: false,
  stalledReason: null,
  stalledSince: null,
  nextDueAt: '2026-03-01T00:00:00.000Z',
  overdueSince: null,
  ...over,
});

describe('quarterTasks (who acts on a quarter, decided by the read model)', () => {
  it('gives the open development step to partners and facilitators, with its due date and the tab of its form', () => {
    const [task] = quarterTasks('partner', q());
    expect(task).toMatchObject({ kind: 'step', subject: 'analysis', dueAt: '2026-03-01T00:00:00.000Z', tab: 'analysis', quarterName: 'Nordstadt' });
    expect(quarterTasks('facilitator', q({ currentStep: 'goals_workshop' }))[0]).toMatchObject({ kind: 'step', tab: 'concept' });
    expect(quarterTasks('operator', q())).toEqual([]);
    expect(quarterTasks('viewer', q())).toEqual([]);
  });

  it('leaves the review step to the agreements service (nobody acts on it from the read model)', () => {
    expect(quarterTasks('partner', q({ currentStep: 'review_and_certification' }))).toEqual([]);
    expect(quarterTasks('programme_admin', q({ currentStep: 'review_and_certification' }))).toEqual([]);
  });

  it('gives a stalled quarter to operators and the programme office, with the reason and since when', () => {
    const stalled = q({ stalled: true, stalledReason: 'Frist überschritten', stalledSince: '2026-04-01T00:00:00.000Z', overdueSince: '2026-03-01T00:00:00.000Z' });
    expect(quarterTasks('operator', stalled)).toEqual([expect.objectContaining({ kind: 'stalled', subject: 'Frist überschritten', since: '2026-04-01T00:00:00.000Z' })]);
    expect(quarterTasks('programme_admin', stalled).map((t) => t.kind)).toEqual(['stalled']);
    expect(quarterTasks('partner', stalled).map((t) => t.kind)).toEqual(['step']);
  });

  it('gives the next implementation deadline to the partners, and nothing while paused or finished', () => {
    expect(quarterTasks('partner', q({ phase: 'implementation', currentStep: null }))[0]).toMatchObject({ kind: 'deadline', tab: 'reports' });
    expect(quarterTasks('facilitator', q({ phase: 'implementation', currentStep: null }))).toEqual([]);
    expect(quarterTasks('partner', q({ paused: true }))).toEqual([]);
    expect(quarterTasks('operator', q({ phase: 'closed', stalled: true }))).toEqual([]);
  });
});
