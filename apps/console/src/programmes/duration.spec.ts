import { describe, expect, it } from '@jest/globals';
import { toIsoDuration, toMonthsAndDays } from './duration';

describe('calendar durations in months and days', () => {
  it('reads the durations of the default calendar and writes them back unchanged', () => {
    for (const iso of ['P1M', 'P12M', 'P36M', 'P14D', 'P60D', 'P1M14D']) {
      const parts = toMonthsAndDays(iso);
      expect(parts).not.toBeNull();
      expect(toIsoDuration(parts!)).toBe(iso);
    }
  });

  it('counts years as 12 months and weeks as 7 days, as the process adds them', () => {
    expect(toMonthsAndDays('P1Y2M')).toEqual({ months: 14, days: 0 });
    expect(toMonthsAndDays('P2W3D')).toEqual({ months: 0, days: 17 });
  });

  it('refuses what is not an ISO-8601 duration and writes P0D for nothing', () => {
    expect(toMonthsAndDays('3 Monate')).toBeNull();
    expect(toMonthsAndDays(undefined)).toBeNull();
    expect(toIsoDuration({ months: 0, days: 0 })).toBe('P0D');
    expect(toIsoDuration({ months: -2, days: 3.7 })).toBe('P3D');
  });
});
