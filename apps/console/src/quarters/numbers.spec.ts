import { describe, expect, it } from '@jest/globals';
import { formatForInput, parseGermanNumber } from './numbers';

describe('figures typed the German way', () => {
  it('reads thousands points, decimal commas and plain numbers', () => {
    expect(parseGermanNumber('1.850')).toBe(1850);
    expect(parseGermanNumber('38,5')).toBe(38.5);
    expect(parseGermanNumber('1.234,75')).toBe(1234.75);
    expect(parseGermanNumber(' 4200 ')).toBe(4200);
    expect(parseGermanNumber('38.5')).toBe(38.5);
    expect(parseGermanNumber('-3')).toBe(-3);
  });

  it('answers null for empty input and undefined for what is not a number', () => {
    expect(parseGermanNumber('')).toBeNull();
    expect(parseGermanNumber('   ')).toBeNull();
    for (const bad of ['zwölf', '1,2,3', '12.34.5', '1.23,4.5', '3e5', 'NaN']) expect(parseGermanNumber(bad)).toBeUndefined();
  });

  it('writes figures back so they parse to the same value', () => {
    expect(formatForInput(38.5, 'de-DE')).toBe('38,5');
    expect(formatForInput(1850, 'de-DE')).toBe('1850');
    expect(formatForInput(null, 'de-DE')).toBe('');
    expect(parseGermanNumber(formatForInput(0.1234, 'de-DE'))).toBe(0.1234);
  });
});
