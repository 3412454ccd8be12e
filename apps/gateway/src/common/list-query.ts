import type { Response } from 'express';
import type { FieldProblemInput, ListQuery, Page } from '@genq/contracts';
import { listProblem } from '@genq/service-kit';

export interface RawListParams {
  filter?: string;
  sort?: string;
  range?: string;
}

function parseJson(field: string, raw: string, problems: FieldProblemInput[]): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    problems.push({ field, code: 'validation.isJSON' });
    return undefined;
  }
}

/** Parses react-admin simple-REST parameters: `filter={...}`, `sort=["field","ASC"]`, `range=[0,24]`. */
export function parseListQuery(params: RawListParams): ListQuery {
  const problems: FieldProblemInput[] = [];
  const query: ListQuery = {};
  if (params.filter) {
    const f = parseJson('filter', params.filter, problems);
    if (f !== undefined) {
      if (typeof f !== 'object' || f === null || Array.isArray(f)) problems.push({ field: 'filter', code: 'validation.isObject' });
      else query.filter = f as Record<string, unknown>;
    }
  }
  if (params.sort) {
    const s = parseJson('sort', params.sort, problems);
    if (s !== undefined) {
      if (!Array.isArray(s) || s.length !== 2 || typeof s[0] !== 'string' || (s[1] !== 'ASC' && s[1] !== 'DESC')) {
        problems.push({ field: 'sort', code: 'list.sort_invalid' });
      } else query.sort = { field: s[0], order: s[1] };
    }
  }
  if (params.range) {
    const r = parseJson('range', params.range, problems);
    if (r !== undefined) {
      if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => Number.isInteger(n) && n >= 0) || r[1] < r[0]) {
        problems.push({ field: 'range', code: 'list.range_invalid' });
      } else query.range = { start: r[0], end: r[1] };
    }
  }
  if (problems.length > 0) throw listProblem(...problems);
  return query;
}

/** Sets `Content-Range: <resource> <start>-<end>/<total>` as ra-data-simple-rest reads it. */
export function withContentRange<T>(res: Response, resource: string, query: ListQuery, page: Page<T>): T[] {
  const start = query.range?.start ?? 0;
  const end = page.data.length > 0 ? start + page.data.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${end}/${page.total}`);
  return page.data;
}
