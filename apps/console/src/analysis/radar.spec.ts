import { describe, expect, it } from '@jest/globals';
import { importProblems } from './importErrors';
import { radarPoint, radarPolygon } from './radar';

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
