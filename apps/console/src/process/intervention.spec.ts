import { describe, expect, it } from '@jest/globals';
import { describeChange, dueMoved, extensionStaysOverdue, toInterventionRequest, validateIntervention } from './intervention';

const formatDate = (iso: string) => iso.slice(0, 10);

describe('intervention form', () => {
  it('requires a reason of at least three characters for every kind', () => {
    expect(validateIntervention({ kind: 'pause', reason: ' a ' })).toEqual({ reason: 'process.intervention.errors.reason' });
    expect(validateIntervention({ kind: 'pause', reason: 'Sommerpause' })).toEqual({});
  });

  it('requires a deadline and a positive number of days to extend', () => {
    expect(validateIntervention({ kind: 'extend_deadline', reason: 'Daten fehlen', days: 0 })).toEqual({
      key: 'process.intervention.errors.key',
      days: 'process.intervention.errors.days',
    });
    expect(validateIntervention({ kind: 'extend_deadline', reason: 'Daten fehlen', extendMode: 'shiftAll', days: 14 })).toEqual({});
    expect(validateIntervention({ kind: 'extend_deadline', reason: 'Daten fehlen', extendMode: 'current', days: 14 })).toEqual({});
  });

  it('extends each quarter\'s current deadline in a batch, whatever step it is in', () => {
    const form = { kind: 'extend_deadline' as const, reason: 'Sommerpause', extendMode: 'current' as const, days: 21, key: 'analysis' };
    expect(toInterventionRequest(form)).toEqual({ kind: 'extend_deadline', reason: 'Sommerpause', current: true, by: 'P21D' });
    expect(describeChange(form, { formatDate: (d) => d })).toEqual({ key: 'process.intervention.preview.extend_current', params: { days: 21 } });
  });

  it('builds the API request per kind', () => {
    expect(toInterventionRequest({ kind: 'extend_deadline', reason: ' Daten fehlen ', key: 'analysis', days: '30' })).toEqual({
      kind: 'extend_deadline',
      reason: 'Daten fehlen',
      key: 'analysis',
      by: 'P30D',
    });
    expect(toInterventionRequest({ kind: 'extend_deadline', reason: 'Wahl', extendMode: 'shiftAll', days: 14, key: 'analysis' })).toEqual({
      kind: 'extend_deadline',
      reason: 'Wahl',
      shiftAll: true,
      by: 'P14D',
    });
    expect(toInterventionRequest({ kind: 'reassign', reason: 'Wechsel', responsibleName: 'Frau Yilmaz', responsibleEmail: '' })).toEqual({
      kind: 'reassign',
      reason: 'Wechsel',
      responsible: { name: 'Frau Yilmaz' },
    });
    expect(toInterventionRequest({ kind: 'withdraw', reason: 'Rückzug', key: 'analysis' })).toEqual({ kind: 'withdraw', reason: 'Rückzug' });
  });

  it('shows the old and the new due date of an extension', () => {
    expect(
      describeChange(
        { kind: 'extend_deadline', reason: 'x', key: 'analysis', days: 30 },
        { deadlineName: () => 'Quartiersanalyse', currentDue: () => '2026-03-01T00:00:00.000Z', formatDate },
      ),
    ).toEqual({ key: 'process.intervention.preview.extend_dates', params: { step: 'Quartiersanalyse', from: '2026-03-01', to: '2026-03-31' } });
  });
});

describe('an extension that stays in the past', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it('is recognised before it is applied, by days or to a date', () => {
    const base = { kind: 'extend_deadline' as const, reason: 'Personalwechsel', key: 'kickoff' };
    expect(extensionStaysOverdue({ ...base, extendMode: 'days', days: 7 }, '2026-10-01T00:00:00Z', now)).toBe(true);
    expect(extensionStaysOverdue({ ...base, extendMode: 'days', days: 90 }, '2026-10-01T00:00:00Z', now)).toBe(false);
    expect(extensionStaysOverdue({ ...base, extendMode: 'until', until: '2026-12-01' }, undefined, now)).toBe(true);
    expect(extensionStaysOverdue({ ...base, extendMode: 'until', until: '2027-01-15' }, undefined, now)).toBe(false);
    expect(extensionStaysOverdue({ kind: 'pause', reason: 'Wahl' }, '2026-10-01T00:00:00Z', now)).toBe(false);
  });

  it('is recognised when every open deadline is shifted and the earliest stays in the past', () => {
    const deadlines = [
      { key: 'analysis', due: '2027-02-01T00:00:00Z' },
      { key: 'kickoff', due: '2026-10-01T00:00:00Z' },
      { key: 'report_1', due: undefined },
    ];
    const shift = { kind: 'extend_deadline' as const, reason: 'Personalwechsel', extendMode: 'shiftAll' as const };
    expect(dueMoved({ ...shift, days: 7 }, deadlines)).toBe('2026-10-01T00:00:00Z');
    expect(extensionStaysOverdue({ ...shift, days: 7 }, dueMoved({ ...shift, days: 7 }, deadlines), now)).toBe(true);
    expect(extensionStaysOverdue({ ...shift, days: 90 }, dueMoved({ ...shift, days: 90 }, deadlines), now)).toBe(false);
    expect(dueMoved({ kind: 'extend_deadline', reason: 'x', extendMode: 'days', key: 'analysis' }, deadlines)).toBe('2027-02-01T00:00:00Z');
  });
});
