import { EVENT_CONSUMERS, type DomainEvent } from '@genq/contracts';
import { toProcessEvent } from './process-bridge';

const fact = (type: string, payload: unknown, source = 'actors'): DomainEvent =>
  ({ id: `${type}:1`, type, version: 1, source, quarterId: 'q-1', occurredAt: '2026-02-10T09:00:00.000Z', payload }) as DomainEvent;

/** Every development step completes by its deliverable's fact; the fact's id stays the update's idempotency key. */
describe('toProcessEvent', () => {
  it('completes Auftakt, Beteiligungsphase and the goals workshop by the facts of their owning services', () => {
    const base = { quarterId: 'q-1', at: '2026-02-10T09:00:00.000Z' };
    expect(toProcessEvent(fact('kickoff.recorded', { date: '2026-02-10' }))).toEqual({ ...base, eventId: 'kickoff.recorded:1', type: 'kickoff_recorded' });
    expect(toProcessEvent(fact('participation.closed', { closedOn: '2026-08-31', events: 2, proposals: 5 }))).toEqual({
      ...base,
      eventId: 'participation.closed:1',
      type: 'participation_recorded',
    });
    expect(toProcessEvent(fact('goals_workshop.recorded', { workshopId: 'w', date: '2026-09-15', goals: 1, measures: 2 }, 'agreements'))).toEqual({
      ...base,
      eventId: 'goals_workshop.recorded:1',
      type: 'workshop_recorded',
      workshop: 'goals_workshop',
    });
    expect(toProcessEvent(fact('analysis.submitted', { analysisId: 'a' }, 'analysis'))).toMatchObject({ type: 'analysis_submitted' });
    expect(toProcessEvent(fact('milestone.reached', { measureId: 'm', index: 1, key: 'milestone_m_1' }, 'agreements'))).toMatchObject({ type: 'milestone_reached', key: 'milestone_m_1' });
    expect(toProcessEvent(fact('agreement.bound', { versionId: 'v' }, 'agreements'))).toMatchObject({ type: 'agreement_signed' });
  });

  it('ignores facts the process does not follow', () => {
    expect(toProcessEvent(fact('participation.figures_changed', {}))).toBeNull();
    expect(toProcessEvent(fact('report.accepted', { reportId: 'r', year: 1 }, 'agreements'))).toBeNull();
  });

  it('is subscribed only to facts it turns into process events', () => {
    for (const subject of EVENT_CONSUMERS.processBridge.subjects) {
      const [, source, type] = /^genq\.events\.([a-z]+)\.(.+)$/.exec(subject) ?? [];
      expect([subject, toProcessEvent(fact(type!, {}, source))]).toEqual([subject, expect.objectContaining({ quarterId: 'q-1' })]);
    }
  });
});
