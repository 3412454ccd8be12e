import { describe, expect, it } from '@jest/globals';
import type { DataProvider, GetListParams } from 'react-admin';
import { fetchAllRows } from './fetchAllRows';

/** A data provider over `count` rows that records every getList call. */
const provider = (count: number, withTotal = true) => {
  const calls: GetListParams[] = [];
  const rows = Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
  const dataProvider = {
    getList: async (_resource: string, params: GetListParams) => {
      calls.push(params);
      const { page, perPage } = params.pagination!;
      const data = rows.slice((page - 1) * perPage, page * perPage);
      return withTotal ? { data, total: count } : { data };
    },
  } as unknown as DataProvider;
  return { dataProvider, calls };
};

describe('fetchAllRows', () => {
  it('reads every page of the filter, in pages of 500, with the given sort', async () => {
    const { dataProvider, calls } = provider(1203);
    const rows = await fetchAllRows(dataProvider, 'quarters', { land: 'Berlin' }, { field: 'name', order: 'DESC' });
    expect(rows).toHaveLength(1203);
    expect(rows[1202]).toEqual({ id: 1203 });
    expect(calls.map((c) => c.pagination)).toEqual([
      { page: 1, perPage: 500 },
      { page: 2, perPage: 500 },
      { page: 3, perPage: 500 },
    ]);
    expect(calls.every((c) => c.sort?.field === 'name' && (c.filter as { land?: string }).land === 'Berlin')).toBe(true);
  });

  it('stops at the total without asking for an empty page, and sorts by id without a sort', async () => {
    const { dataProvider, calls } = provider(1000);
    expect(await fetchAllRows(dataProvider, 'quarters', undefined, undefined)).toHaveLength(1000);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.sort).toEqual({ field: 'id', order: 'ASC' });
    expect(calls[0]!.filter).toEqual({});
  });

  it('stops at a short page when the answer has no total', async () => {
    const { dataProvider, calls } = provider(1000, false);
    expect(await fetchAllRows(dataProvider, 'notifications', {}, undefined)).toHaveLength(1000);
    expect(calls).toHaveLength(3);
  });
});
