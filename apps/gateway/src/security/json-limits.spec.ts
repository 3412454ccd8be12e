import { JSON_LIMITS, withinJsonLimits } from './json-limits';

describe('JSON depth and member limits', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const small = { maxDepth: 3, maxKeys: 4 };

  it('counts nesting of objects and arrays together', () => {
    expect(withinJsonLimits('{"a":[{"b":1}]}', small)).toBe(true);
    expect(withinJsonLimits('{"a":[{"b":[1]}]}', small)).toBe(false);
    expect(withinJsonLimits(nested(JSON_LIMITS.maxDepth))).toBe(true);
    expect(withinJsonLimits(nested(JSON_LIMITS.maxDepth + 1))).toBe(false);
    expect(withinJsonLimits(nested(5000))).toBe(false);
  });

  it('counts object members, wherever they are', () => {
    expect(withinJsonLimits('[{"a":1,"b":2},{"c":3,"d":4}]', small)).toBe(true);
    expect(withinJsonLimits('[{"a":1,"b":2},{"c":3,"d":4,"e":5}]', small)).toBe(false);
  });

  it('reads brackets, colons and escaped quotes inside strings as text', () => {
    expect(withinJsonLimits(JSON.stringify({ a: '[[[[[{{{{:::::' }), small)).toBe(true);
    expect(withinJsonLimits(JSON.stringify({ a: 'say \\"[[[[[\\" ok', b: '"{{{{{"' }), small)).toBe(true);
    // An escaped backslash before the closing quote ends the string.
    expect(withinJsonLimits('{"a":"\\\\","b":[[[[1]]]]}', small)).toBe(false);
  });

  it('lets what legitimate requests send pass: a GeoJSON MultiPolygon, 5,000 indicator values', () => {
    const boundary = { boundary: { type: 'MultiPolygon', coordinates: [[[[7.5, 51.5], [7.6, 51.5], [7.6, 51.6], [7.5, 51.5]]]] } };
    expect(withinJsonLimits(JSON.stringify(boundary))).toBe(true);
    const values = Array.from({ length: 5000 }, (_, i) => ({ indicatorId: `i${i}`, referenceDate: '2025-12-31', value: i, source: 'Amt', unit: 'persons', kind: 'absolute' }));
    expect(withinJsonLimits(JSON.stringify({ values }))).toBe(true);
  });
});
