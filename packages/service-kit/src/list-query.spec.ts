import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireActor } from './actor';
import { ProblemException } from './errors';
import { pageOf, parseIsoDate, type ListSpec } from './list-query';

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
      { field: 'stadt', code: 'list.unknown_filter' },
      { field: 'land', code: 'list.filter_value_invalid' },
      { field: 'dueBefore', code: 'validation.isDateString' },
      { field: 'sort', code: 'list.unknown_sort', params: { sort: 'secret' } },
      { field: 'range', code: 'list.range_invalid' },
    ]);
  });

  it('refuses an order other than ASC or DESC and accepts a good query', async () => {
    const refused = (await pageOf(qb(), { sort: { field: 'name', order: 'UP' as 'ASC' } }, spec).catch((e: unknown) => e)) as ProblemException;
    expect(refused.errors).toEqual([{ field: 'sort', code: 'list.sort_order_invalid' }]);
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
