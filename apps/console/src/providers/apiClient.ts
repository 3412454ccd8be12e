import createClient from 'openapi-fetch';
import { HttpError } from 'react-admin';
import { apiUrl } from '../auth/authProvider';
import type { components, paths } from '../api/schema';
import { httpClient, inUserLanguage, requestLanguage, withToken } from './dataProvider';

/**
 * The console's typed client of the gateway: paths, parameters and bodies are the OpenAPI
 * document's (src/api/schema.d.ts, generated from apps/gateway/openapi.json by the build), so
 * a changed route or DTO breaks the console's compile instead of its users.
 *
 * Every call goes through the data provider's `httpClient`: the same access token, the same
 * renewal on a 401, the same errors (an `HttpError` with the problem body) as react-admin's own
 * calls. Paths in the document start with /api, so the base is the origin in front of it.
 */
export type Schemas = components['schemas'];

const baseUrl = apiUrl.replace(/\/api$/, '');

async function viaHttpClient(request: Request): Promise<Response> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  const headers = new Headers(request.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const res = await httpClient(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
  // A 204 (or an empty 200) has no body to parse.
  return new Response(res.status === 204 || !res.body ? null : res.body, { status: res.status, headers: res.headers });
}

export const api = createClient<paths>({ baseUrl, fetch: viaHttpClient });

/** The body of a call's answer; a refusal has thrown an `HttpError` already (see httpClient). */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (error !== undefined || !response.ok) throw new HttpError(response.statusText, response.status, error);
  return body as T;
}

/** Builds `filter`, `sort` and `range` of a react-admin list as the gateway reads them. */
export const listQuery = (filter: Record<string, unknown> = {}, sort?: [string, 'ASC' | 'DESC'], range?: [number, number]) => ({
  filter: JSON.stringify(filter),
  ...(sort ? { sort: JSON.stringify(sort) } : {}),
  ...(range ? { range: JSON.stringify(range) } : {}),
});

/** Paths of the API that answer a file (PDF, CSV, workbook). */
export type FilePath =
  | '/api/audit-log/export'
  | '/api/analysis/template.csv'
  | '/api/quarters/import/template.csv'
  | '/api/quarters/import/template.xlsx'
  | `/api/quarters/${string}/${'agreement/versions' | 'reports'}/${string}/pdf`
  | `/api/quarters/${string}/${'certificate' | 'analysis' | 'profile' | 'handlungskonzept'}/pdf`
  | `/api/programmes/${string}/report/pdf`;

/**
 * A document of the API as a file download. A plain link would not carry the access token
 * (it lives in memory only), so the file is fetched with it and handed to the browser as an
 * object URL; a 401 renews the token once, as every other call does.
 */
export async function downloadFile(path: FilePath, filename: string, accept: string, query?: Record<string, string>): Promise<void> {
  const url = `${baseUrl}${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
  const call = async (token: string) => fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: accept, 'Accept-Language': requestLanguage() } });
  const res = await withToken(call, (r) => r.status === 401);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { detail?: string; message?: string } | null;
    throw inUserLanguage(new HttpError(body?.detail ?? body?.message ?? res.statusText, res.status, body));
  }
  // The server's name where it gives one (the audit export is dated), else the caller's.
  const named = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  const objectUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = query ? (named ?? filename) : filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
