import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { FieldProblemInput, ListQuery, Page } from '@genq/contracts';
import { problem } from './errors';

/** A 400 for a list query, listing every bad filter, the sort or the range. */
export function listProblem(...problems: FieldProblemInput[]) {
  return problem('list.invalid', { count: problems.length }, problems);
}

/** The largest page anyone gets: a range spanning more is refused. */
export const MAX_PAGE_SIZE = 500;

/**
 * What is wrong with a page range `[start, end]` (both inclusive), if anything: both must be
 * safe integers (a bigger number is no longer exact, and the database cannot take it as an
 * offset), 0 <= start <= end, and the range at most {@link MAX_PAGE_SIZE} entries.
 */
export function rangeProblem(start: unknown, end: unknown): FieldProblemInput | undefined {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
    return { field: 'range', code: 'list.range_invalid' };
  }
  if ((end as number) - (start as number) + 1 > MAX_PAGE_SIZE) return { field: 'range', code: 'list.range_too_large', params: { max: MAX_PAGE_SIZE } };
  return undefined;
}

export interface ListSpec {
  /** Fields a client may sort by (entity property names). */
  sortable: readonly string[];
  /** Fields a client may filter by equality; arrays mean "any of". */
  filterable: readonly string[];
  /** Fields searched by the free-text filter `q`. */
  searchable?: readonly string[];
  /**
   * Date range filters, by the name a client uses: `{ nextDueBefore: { field: 'nextDueAt', op: '<' } }`
   * turns `filter={"nextDueBefore":"2026-12-31"}` into `nextDueAt < 2026-12-31T00:00Z`. Values
   * must be ISO dates (or date-times), anything else is a 400 for that filter.
   */
  dateBounds?: Readonly<Record<string, DateBound>>;
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
}

export interface DateBound {
  /** The entity property compared (a date column). */
  field: string;
  op: '<' | '<=' | '>' | '>=';
}

/** `2026-12-31` (midnight UTC) or a date-time with its zone (`2026-12-31T10:00:00Z`); a calendar day that does not exist is refused. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  // `2026-02-30` would roll over into March: only a day that reads back the same is accepted.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value.slice(0, 10)) return null;
  const at = value.length === 10 ? day : new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isFilterValue = (v: unknown): v is Scalar | Scalar[] => isScalar(v) || (Array.isArray(v) && v.length <= MAX_PAGE_SIZE && v.every(isScalar));

/**
 * Applies react-admin's filter, sort and range to a query builder. Field names come only
 * from the allow-lists (never from the request into SQL); values are bound parameters.
 */
export async function pageOf<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): Promise<Page<T>> {
  const alias = qb.alias;
  const problems: FieldProblemInput[] = [];
  const filter = query.filter ?? {};
  let i = 0;
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    // Only plain values (or lists of them) are compared: an object such as {"$ne": null}
    // must never reach the driver, whatever it would make of it.
    if (!isFilterValue(value)) {
      problems.push({ field: `filter.${field}`, code: 'list.filter_value_invalid' });
      continue;
    }
    const p = `f${i++}`;
    if (field === 'q' && spec.searchable?.length) {
      const term = `%${String(value).toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) => {
          for (const s of spec.searchable ?? []) w.orWhere(`LOWER(${alias}.${s}) LIKE :${p}`, { [p]: term });
        }),
      );
    } else if (spec.dateBounds && Object.prototype.hasOwnProperty.call(spec.dateBounds, field)) {
      const bound = spec.dateBounds[field]!;
      const at = parseIsoDate(value);
      if (!at) problems.push({ field: `filter.${field}`, code: 'validation.isDateString' });
      else qb.andWhere(`${alias}.${bound.field} ${bound.op} :${p}`, { [p]: at });
    } else if (field === 'id' || spec.filterable.includes(field)) {
      if (Array.isArray(value)) {
        if (value.length === 0) qb.andWhere('1 = 0');
        else qb.andWhere(`${alias}.${field} IN (:...${p})`, { [p]: value });
      } else {
        qb.andWhere(`${alias}.${field} = :${p}`, { [p]: value });
      }
    } else {
      problems.push({ field: `filter.${field}`, code: 'list.filter_unknown' });
    }
  }
  const sort = query.sort ?? spec.defaultSort;
  if (sort) {
    if (!spec.sortable.includes(sort.field) && sort.field !== 'id') problems.push({ field: 'sort', code: 'list.sort_unknown', params: { sort: String(sort.field) } });
    else if (sort.order !== 'ASC' && sort.order !== 'DESC') problems.push({ field: 'sort', code: 'list.sort_invalid' });
    else qb.orderBy(`${alias}.${sort.field}`, sort.order).addOrderBy(`${alias}.id`, 'ASC');
  }
  const start = query.range?.start ?? 0;
  const end = query.range?.end ?? start + 24;
  const range = rangeProblem(start, end);
  if (range) problems.push(range);
  if (problems.length > 0) throw listProblem(...problems);
  const [data, total] = await qb.skip(start).take(end - start + 1).getManyAndCount();
  return { data, total };
}
