import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import type { FieldProblemInput, ListQuery, Page } from '@genq/contracts';
import { listProblem, rangeProblem } from '@genq/service-kit';

export interface RawListParams {
  filter?: string;
  sort?: string;
  range?: string;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(raw: unknown): unknown {
  // A repeated parameter (`range=a&range=b`) arrives as an array: not JSON text either.
  if (typeof raw !== 'string') return NOT_JSON;
  try {
    return JSON.parse(raw);
  } catch {
    return NOT_JSON;
  }
}

/**
 * Parses react-admin simple-REST parameters: `filter={...}`, `sort=["field","ASC"]`,
 * `range=[0,24]`. Every bad parameter is a field problem of one 400 (field `filter`, `sort`
 * or `range`); a range must be safe integers spanning at most MAX_PAGE_SIZE entries.
 */
export function parseListQuery(params: RawListParams): ListQuery {
  const problems: FieldProblemInput[] = [];
  const query: ListQuery = {};
  if (params.filter !== undefined && params.filter !== '') {
    const f = parseJson(params.filter);
    if (typeof f !== 'object' || f === null || Array.isArray(f)) problems.push({ field: 'filter', code: 'list.filter_invalid' });
    else query.filter = f as Record<string, unknown>;
  }
  if (params.sort !== undefined && params.sort !== '') {
    const s = parseJson(params.sort);
    if (!Array.isArray(s) || s.length !== 2 || typeof s[0] !== 'string' || (s[1] !== 'ASC' && s[1] !== 'DESC')) {
      problems.push({ field: 'sort', code: 'list.sort_invalid' });
    } else query.sort = { field: s[0], order: s[1] };
  }
  if (params.range !== undefined && params.range !== '') {
    const r = parseJson(params.range);
    const problem = Array.isArray(r) && r.length === 2 ? rangeProblem(r[0], r[1]) : { field: 'range', code: 'list.range_invalid' };
    if (problem) problems.push(problem);
    else query.range = { start: (r as number[])[0]!, end: (r as number[])[1]! };
  }
  if (problems.length > 0) throw listProblem(...problems);
  return query;
}

/**
 * The react-admin list parameters in the OpenAPI document, on every route that reads them
 * with {@link parseListQuery}: clients (and the contract fuzz test) learn they exist.
 */
export const ListQueryDocs = (filter = 'JSON object of field values, e.g. {"programmeId":"genq-nrw-2026"}') =>
  applyDecorators(
    ApiQuery({ name: 'filter', required: false, description: filter }),
    ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]' }),
    ApiQuery({ name: 'range', required: false, description: 'JSON [start,end], zero-based, inclusive, at most 500 entries' }),
  );

/** Sets `Content-Range: <resource> <start>-<end>/<total>` as ra-data-simple-rest reads it. */
export function withContentRange<T>(res: Response, resource: string, query: ListQuery, page: Page<T>): T[] {
  const start = query.range?.start ?? 0;
  const end = page.data.length > 0 ? start + page.data.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${end}/${page.total}`);
  return page.data;
}
