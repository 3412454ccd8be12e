import { describe, expect, it } from '@jest/globals';
import { isoFromGermanDate } from './dates';

describe('isoFromGermanDate', () => {
  it('reads TT.MM.JJJJ (with or without leading zeros) as the API date', () => {
    expect(isoFromGermanDate('31.12.2025')).toBe('2025-12-31');
    expect(isoFromGermanDate(' 1.2.2026 ')).toBe('2026-02-01');
  });

  it('refuses what is no calendar date or not in that form', () => {
    expect(isoFromGermanDate('30.02.2026')).toBeUndefined();
    expect(isoFromGermanDate('2026-02-01')).toBeUndefined();
    expect(isoFromGermanDate('31.12.25')).toBeUndefined();
    expect(isoFromGermanDate('')).toBeUndefined();
  });
});
