import { ProblemException } from '@genq/service-kit';
import { parseListQuery } from './list-query';

/** The field problems a call of parseListQuery is refused with, as { field: code }. */
function refusal(params: Parameters<typeof parseListQuery>[0]): Record<string, string> {
  try {
    parseListQuery(params);
  } catch (err) {
    expect(err).toBeInstanceOf(ProblemException);
    const e = err as ProblemException;
    expect(e.getStatus()).toBe(400);
    expect(e.code).toBe('list.invalid');
    return Object.fromEntries((e.errors ?? []).map((p) => [p.field, p.code]));
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
}

describe('react-admin list parameters', () => {
  it('reads filter, sort and range', () => {
    expect(parseListQuery({ filter: '{"phase":"development"}', sort: '["name","ASC"]', range: '[0,24]' })).toEqual({
      filter: { phase: 'development' },
      sort: { field: 'name', order: 'ASC' },
      range: { start: 0, end: 24 },
    });
    expect(parseListQuery({ range: '[500,999]' }).range).toEqual({ start: 500, end: 999 });
  });

  it('refuses numbers beyond the safe integers, which once reached the database and answered 500', () => {
    expect(refusal({ range: '[99999999999999999999,100000000000000000000]' })).toEqual({ range: 'list.range_invalid' });
    expect(refusal({ range: '[9007199254740992,9007199254740993]' })).toEqual({ range: 'list.range_invalid' });
    expect(refusal({ range: '[0,1e300]' })).toEqual({ range: 'list.range_invalid' });
  });

  it('refuses a page larger than MAX_PAGE_SIZE, naming the limit', () => {
    try {
      parseListQuery({ range: '[0,500]' });
      throw new Error('accepted');
    } catch (err) {
      expect((err as ProblemException).errors).toEqual([{ field: 'range', code: 'list.range_too_large', params: { max: 500 } }]);
    }
  });

  it.each(['[1,0]', '[-1,5]', '[0.5,3]', '[0]', '[0,1,2]', '{"start":0}', '"0-9"', 'nope', '[null,1]', '["0","9"]'])('refuses range=%s', (range) => {
    expect(refusal({ range })).toEqual({ range: 'list.range_invalid' });
  });

  it('lists every bad parameter at once, and refuses repeated parameters', () => {
    expect(refusal({ filter: '[1]', sort: '["name"]', range: '[3,1]' })).toEqual({ filter: 'list.filter_invalid', sort: 'list.sort_invalid', range: 'list.range_invalid' });
    expect(refusal({ range: ['[0,1]', '[0,2]'] as unknown as string })).toEqual({ range: 'list.range_invalid' });
    expect(refusal({ filter: { a: '1' } as unknown as string })).toEqual({ filter: 'list.filter_invalid' });
  });
});
