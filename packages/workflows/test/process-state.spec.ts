import { Refusal } from '@genq/contracts';
import { applyIntervention, createState, currentDeadline, validateIntervention } from '../src/process-state';
import { DAY, calendar, lifecycleInput } from './helpers';

const operator = { id: 'op-1', name: 'Operator' };
const t0 = Date.parse('2026-01-05T08:00:00.000Z');

describe('extend_deadline of the current deadline (a batch over quarters in different steps)', () => {
  it('moves the deadline each quarter is chasing now, whichever step it is', () => {
    const kickoff = createState(lifecycleInput('q-1', {}, t0), t0);
    const workshop = createState(lifecycleInput('q-2', { startAt: { phase: 'development', stepKey: 'goals_workshop' } }, t0), t0);
    for (const [state, key] of [
      [kickoff, 'kickoff'],
      [workshop, 'goals_workshop'],
    ] as const) {
      const before = currentDeadline(state)!;
      expect(before.key).toBe(key);
      const due = before.due;
      const iv = { kind: 'extend_deadline', current: true, by: 'P14D', reason: 'Sommerpause', operator } as const;
      validateIntervention(state, iv);
      const result = applyIntervention(state, calendar, iv, `iv-${key}`, t0 + DAY);
      expect(result.summaryParams).toMatchObject({ name: before.name });
      expect(Date.parse(currentDeadline(state)!.due) - Date.parse(due)).toBe(14 * DAY);
    }
  });

  it('is refused with a reason where no deadline is running', () => {
    // Between reports: an implementation phase with nothing open.
    const state = createState(lifecycleInput('q-3', {}, t0), t0);
    state.phase = 'implementation';
    state.reports = [];
    state.milestones = [];
    expect(() => validateIntervention(state, { kind: 'extend_deadline', current: true, by: 'P14D', reason: 'Sommerpause', operator })).toThrow(Refusal);
    try {
      validateIntervention(state, { kind: 'extend_deadline', current: true, by: 'P14D', reason: 'Sommerpause', operator });
    } catch (err) {
      expect((err as Refusal).code).toBe('deadline.none_current');
    }
  });
});
