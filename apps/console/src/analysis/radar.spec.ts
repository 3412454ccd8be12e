import { describe, expect, it } from '@jest/globals';
import { importProblems } from './importErrors';
import { radarPoint, radarPolygon, radarShape } from './radar';

describe('radar geometry', () => {
  const centre = { x: 100, y: 100 };

  it('puts the first axis up and goes clockwise', () => {
    expect(radarPoint(0, 4, 3, 3, 80, centre)).toEqual({ x: 100, y: 20 });
    expect(radarPoint(1, 4, 3, 3, 80, centre)).toEqual({ x: 180, y: 100 });
    expect(radarPoint(2, 4, 1.5, 3, 80, centre)).toEqual({ x: 100, y: 140 });
  });

  it('clamps values to the scale', () => {
    expect(radarPoint(3, 4, 9, 3, 80, centre)).toEqual({ x: 20, y: 100 });
    expect(radarPoint(0, 4, -1, 3, 80, centre)).toEqual({ x: 100, y: 100 });
  });

  it('draws a polygon only when every axis has a value', () => {
    expect(radarPolygon([3, 3, 3, 3], 3, 80, centre)).toBe('100,20 180,100 100,180 20,100');
    expect(radarPolygon([3, null, 3, 3], 3, 80, centre)).toBeNull();
  });

  it('draws a quarter rated in only some action fields through the fields it has rated', () => {
    expect(radarShape([3, null, 3, 3], 3, 80, centre)).toEqual({
      points: [
        { x: 100, y: 20, axis: 0 },
        { x: 100, y: 180, axis: 2 },
        { x: 20, y: 100, axis: 3 },
      ],
      outline: '100,20 100,180 20,100',
    });
    // Two rated fields are a line, one a point, none nothing.
    expect(radarShape([null, 3, null, 1.5], 3, 80, centre).outline).toBe('180,100 60,100');
    expect(radarShape([null, null, 2, null], 3, 80, centre)).toEqual({ points: [{ x: 100, y: 153.33, axis: 2 }], outline: null });
    expect(radarShape([null, null, null, null], 3, 80, centre)).toEqual({ points: [], outline: null });
  });
});

describe('import errors', () => {
  it('lists problems by row and column, file-level ones first', () => {
    const body = { errors: { rows: { '3': { value: 'must be a number', indicatorId: 'unknown indicator "x"' }, '2': { referenceDate: 'invalid date' } }, csv: 'header missing' } };
    expect(importProblems(body)).toEqual([
      { row: null, column: null, message: 'header missing' },
      { row: 2, column: 'referenceDate', message: 'invalid date' },
      { row: 3, column: 'indicatorId', message: 'unknown indicator "x"' },
      { row: 3, column: 'value', message: 'must be a number' },
    ]);
    expect(importProblems(null)).toEqual([]);
  });
});
