import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireActor } from './actor';
import { ProblemException } from './errors';
import { MAX_PAGE_SIZE, pageOf, parseIsoDate, rangeProblem, type ListSpec } from './list-query';

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

describe('refused list queries', () => {
  // Enough of a query builder for pageOf to check a query: every problem is found before any SQL runs.
  const qb = () => {
    const fake: Record<string, unknown> = { alias: 'q' };
    for (const m of ['andWhere', 'orderBy', 'addOrderBy', 'skip', 'take']) fake[m] = () => fake;
    fake.getManyAndCount = async () => [[], 0];
    return fake as unknown as SelectQueryBuilder<ObjectLiteral>;
  };
  const spec: ListSpec = { sortable: ['name'], filterable: ['land'], dateBounds: { dueBefore: { field: 'dueAt', op: '<' } } };

  it('answers list.invalid with a code for every bad filter, the sort and the range at once', async () => {
    const refused = await pageOf(qb(), { filter: { stadt: 'Dortmund', land: { $ne: null }, dueBefore: '2026-02-30' }, sort: { field: 'secret', order: 'ASC' }, range: { start: 5, end: 1 } }, spec).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemException);
    const e = refused as ProblemException;
    expect(e.getStatus()).toBe(400);
    expect(e.code).toBe('list.invalid');
    expect(e.errors).toEqual([
      { field: 'filter.stadt', code: 'list.filter_unknown' },
      { field: 'filter.land', code: 'list.filter_value_invalid' },
      { field: 'filter.dueBefore', code: 'validation.isDateString' },
      { field: 'sort', code: 'list.sort_unknown', params: { sort: 'secret' } },
      { field: 'range', code: 'list.range_invalid' },
    ]);
  });

  it('refuses an order other than ASC or DESC and accepts a good query', async () => {
    const refused = (await pageOf(qb(), { sort: { field: 'name', order: 'UP' as 'ASC' } }, spec).catch((e: unknown) => e)) as ProblemException;
    expect(refused.errors).toEqual([{ field: 'sort', code: 'list.sort_invalid' }]);
    await expect(pageOf(qb(), { filter: { land: ['NRW', 'Bayern'], dueBefore: '2026-12-31' }, sort: { field: 'name', order: 'DESC' } }, spec)).resolves.toEqual({ data: [], total: 0 });
  });
});

describe('the acting user of a message', () => {
  it('is required, and refused with a field problem when malformed', () => {
    const codeOf = (actor: unknown) => {
      try {
        requireActor(actor);
        return null;
      } catch (e) {
        return (e as ProblemException).errors;
      }
    };
    expect(codeOf(undefined)).toEqual([{ field: 'actor', code: 'validation.required' }]);
    expect(codeOf({ userId: 'u', email: 'e', role: 'emperor', programmeIds: [], organisationId: null })).toEqual([{ field: 'actor', code: 'validation.invalid' }]);
    expect(codeOf({ userId: 'u', email: 'e', role: 'viewer', programmeIds: [], organisationId: null })).toBeNull();
  });
});

describe('page ranges', () => {
  /** Just enough of a TypeORM query builder for pageOf. */
  function fakeQb() {
    const calls: { skip?: number; take?: number } = {};
    const qb = {
      alias: 'q',
      andWhere: () => qb,
      orderBy: () => qb,
      addOrderBy: () => qb,
      skip: (n: number) => ((calls.skip = n), qb),
      take: (n: number) => ((calls.take = n), qb),
      getManyAndCount: async () => [[], 0],
    };
    return { qb: qb as unknown as Parameters<typeof pageOf>[0], calls };
  }
  const spec = { sortable: ['name'], filterable: ['phase'] };

  it('accepts safe integers within a page of MAX_PAGE_SIZE', () => {
    expect(rangeProblem(0, 0)).toBeUndefined();
    expect(rangeProblem(1000, 1000 + MAX_PAGE_SIZE - 1)).toBeUndefined();
    expect(rangeProblem(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });

  it('refuses what is not a safe integer range, and a page over MAX_PAGE_SIZE', () => {
    for (const [s, e] of [[1e20, 1e20 + 1], [Number.MAX_SAFE_INTEGER + 1, Number.MAX_SAFE_INTEGER + 1], [-1, 3], [3, 1], [0.5, 2], ['0', '1'], [NaN, 1]]) {
      expect(rangeProblem(s, e)).toEqual({ field: 'range', code: 'list.range_invalid' });
    }
    expect(rangeProblem(0, MAX_PAGE_SIZE)).toEqual({ field: 'range', code: 'list.range_too_large', params: { max: MAX_PAGE_SIZE } });
  });

  it('pageOf refuses a huge range with a 400 naming range, before the database sees it', async () => {
    const { qb, calls } = fakeQb();
    const refused = await pageOf(qb, { range: { start: 1e20, end: 1e20 + 1 } }, spec).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).getStatus()).toBe(400);
    expect((refused as ProblemException).errors).toEqual([{ field: 'range', code: 'list.range_invalid' }]);
    expect(calls.skip).toBeUndefined();
  });

  it('pageOf lists every bad parameter with its code', async () => {
    const { qb } = fakeQb();
    const refused = (await pageOf(qb, { filter: { secret: 1, phase: { $ne: null } }, sort: { field: 'password', order: 'ASC' }, range: { start: 0, end: 9999 } }, spec).catch((e: unknown) => e)) as ProblemException;
    expect(refused.errors).toEqual([
      { field: 'filter.secret', code: 'list.filter_unknown' },
      { field: 'filter.phase', code: 'list.filter_value_invalid' },
      { field: 'sort', code: 'list.sort_unknown', params: { sort: 'password' } },
      { field: 'range', code: 'list.range_too_large', params: { max: MAX_PAGE_SIZE } },
    ]);
  });

  it('pageOf takes the page asked for', async () => {
    const { qb, calls } = fakeQb();
    await pageOf(qb, { range: { start: 50, end: 99 } }, spec);
    expect(calls).toEqual({ skip: 50, take: 50 });
  });
});
