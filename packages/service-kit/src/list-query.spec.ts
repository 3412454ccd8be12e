import { parseIsoDate } from './list-query';

describe('ISO dates of range filters', () => {
  it('reads a day as midnight UTC and a date-time with its zone as that instant', () => {
    expect(parseIsoDate('2026-12-31')?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(parseIsoDate('2026-12-31T10:30:00+02:00')?.toISOString()).toBe('2026-12-31T08:30:00.000Z');
    expect(parseIsoDate('2026-12-31T23:30:00.250Z')?.toISOString()).toBe('2026-12-31T23:30:00.250Z');
  });

  it('refuses days that do not exist, local times without a zone, and anything not a string', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '31.12.2026', '2026-12-31T10:00', 'tomorrow', '', 20261231, true]) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
