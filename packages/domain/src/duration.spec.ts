import { addDuration, formatDuration, isDuration, parseDuration } from './duration';

describe('ISO-8601 durations', () => {
  it('parses the calendar forms the catalogue uses', () => {
    expect(parseDuration('P1M')).toMatchObject({ months: 1, days: 0 });
    expect(parseDuration('P14D')).toMatchObject({ days: 14 });
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
  });

  it.each(['', 'P', 'PT', '1M', 'P1.5M', 'P-1D', 'month'])('refuses %p', (bad) => {
    expect(isDuration(bad)).toBe(false);
    expect(() => parseDuration(bad)).toThrow(/ISO-8601/);
  });

  it('formats back to the same text', () => {
    for (const d of ['P1M', 'P14D', 'P1Y2M', 'PT12H', 'P1DT2H']) expect(formatDuration(parseDuration(d))).toBe(d);
  });

  it('adds months on the calendar, clamping to the month end', () => {
    expect(addDuration(new Date('2027-01-31T09:00:00Z'), 'P1M').toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(addDuration(new Date('2028-01-31T09:00:00Z'), 'P1M').toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(addDuration(new Date('2026-11-15T00:00:00Z'), 'P12M').toISOString()).toBe('2027-11-15T00:00:00.000Z');
  });

  it('adds days exactly and subtracts with a negative factor', () => {
    expect(addDuration(new Date('2027-03-01T00:00:00Z'), 'P14D', -1).toISOString()).toBe('2027-02-15T00:00:00.000Z');
    expect(addDuration(new Date('2027-03-01T00:00:00Z'), 'P14D', 2).toISOString()).toBe('2027-03-29T00:00:00.000Z');
  });
});
