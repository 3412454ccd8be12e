import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';
import type { ListQuery, Page } from '@genq/contracts';

export interface RawListParams {
  filter?: string;
  sort?: string;
  range?: string;
}

function parseJson(name: string, raw: string, errors: Record<string, string>): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    errors[name] = `${name} must be JSON`;
    return undefined;
  }
}

/** Parses react-admin simple-REST parameters: `filter={...}`, `sort=["field","ASC"]`, `range=[0,24]`. */
export function parseListQuery(params: RawListParams): ListQuery {
  const errors: Record<string, string> = {};
  const query: ListQuery = {};
  if (params.filter) {
    const f = parseJson('filter', params.filter, errors);
    if (f !== undefined) {
      if (typeof f !== 'object' || f === null || Array.isArray(f)) errors.filter = 'filter must be an object';
      else query.filter = f as Record<string, unknown>;
    }
  }
  if (params.sort) {
    const s = parseJson('sort', params.sort, errors);
    if (s !== undefined) {
      if (!Array.isArray(s) || s.length !== 2 || typeof s[0] !== 'string' || (s[1] !== 'ASC' && s[1] !== 'DESC')) {
        errors.sort = 'sort must be ["field", "ASC" | "DESC"]';
      } else query.sort = { field: s[0], order: s[1] };
    }
  }
  if (params.range) {
    const r = parseJson('range', params.range, errors);
    if (r !== undefined) {
      if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => Number.isInteger(n) && n >= 0) || r[1] < r[0]) {
        errors.range = 'range must be [start, end] with 0 <= start <= end';
      } else query.range = { start: r[0], end: r[1] };
    }
  }
  if (Object.keys(errors).length > 0) throw new BadRequestException({ statusCode: 400, message: 'Invalid list query', errors });
  return query;
}

/** Sets `Content-Range: <resource> <start>-<end>/<total>` as ra-data-simple-rest reads it. */
export function withContentRange<T>(res: Response, resource: string, query: ListQuery, page: Page<T>): T[] {
  const start = query.range?.start ?? 0;
  const end = page.data.length > 0 ? start + page.data.length - 1 : start;
  res.setHeader('Content-Range', `${resource} ${start}-${end}/${page.total}`);
  return page.data;
}
