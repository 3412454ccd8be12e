import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiUrl, bearer, session } from '../auth/authProvider';
import { translateApiErrors, translateApiMessage } from '../i18n/apiMessages';
import { i18nProvider } from '../i18n/i18nProvider';
import { api, data, type Schemas } from './apiClient';
import type { BatchPreview, BatchProgress, InterventionRequest, InterventionResult, ProcessStateView } from '../process/types';

export { apiUrl };

/**
 * Every API call carries the signed-in user's access token. When the gateway answers 401
 * anyway (the token expired in flight, or the server restarted its sessions), the token is
 * renewed once and the call repeated; a second 401 goes to react-admin, which signs out.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const call = async (token: string) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Authorization', `Bearer ${token}`);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  try {
    try {
      return await call(await bearer());
    } catch (err) {
      if ((err as { status?: number }).status !== 401 || !session.isSignedIn()) throw err;
      await session.refresh().catch(() => undefined);
      return await call(await bearer());
    }
  } catch (err) {
    throw inUserLanguage(err);
  }
};

/**
 * The one place where the API's English reaches the console: the refusal's `message` and the
 * field messages under `errors` of an `HttpError` are said in the user's language (see
 * i18n/apiMessages.ts), so notifications, react-admin's form errors and every caller that
 * reads `message` or `body` show German. The API's own wording stays in `body.apiMessage`.
 */
export function inUserLanguage(err: unknown): unknown {
  if (!(err instanceof HttpError)) return err;
  const locale = i18nProvider.getLocale();
  const body = err.body && typeof err.body === 'object' ? (err.body as Record<string, unknown>) : null;
  const translatedBody = body
    ? {
        ...body,
        ...(body.message !== undefined ? { message: translateApiErrors(body.message, locale), apiMessage: body.message } : {}),
        ...(body.errors !== undefined ? { errors: translateApiErrors(body.errors, locale) } : {}),
      }
    : err.body;
  const message = typeof err.message === 'string' ? translateApiMessage(err.message, locale) : err.message;
  return new HttpError(message, err.status, translatedBody);
}

/**
 * The gateway speaks the simple REST dialect: `filter`, `sort` and `range` query parameters,
 * totals in `Content-Range`. Validation failures come back as HTTP 400 with
 * `{ errors: { field: message } }`; `fetchJson` keeps the parsed body on the `HttpError`,
 * and react-admin's create/edit controllers show `body.errors` next to the inputs.
 */
const restProvider: DataProvider = simpleRestProvider(apiUrl, httpClient);

/**
 * Calls beyond CRUD, through the typed client: the process of a quarter and operator
 * interventions (issue 6). A refused intervention rejects with an `HttpError` of status 409
 * carrying the problem; callers show it.
 */
const processMethods = {
  getProcess: (quarterId: string): Promise<ProcessStateView> => data(api.GET('/api/quarters/{id}/process', { params: { path: { id: quarterId } } })),
  intervene: (quarterId: string, intervention: InterventionRequest): Promise<InterventionResult> =>
    data(api.POST('/api/quarters/{id}/interventions', { params: { path: { id: quarterId } }, body: intervention as Schemas['InterventionDto'] })),
  previewBatch: (filter: Record<string, unknown>): Promise<BatchPreview> =>
    data(api.GET('/api/interventions/batches/preview', { params: { query: { filter: JSON.stringify(filter ?? {}) } } })),
  startBatch: (filter: Record<string, unknown>, intervention: InterventionRequest): Promise<{ id: string; total: number }> =>
    data(api.POST('/api/interventions/batches', { body: { filter, intervention } as Schemas['BatchInterventionDto'] })),
  batchProgress: (batchId: string): Promise<BatchProgress> => data(api.GET('/api/interventions/batches/{id}', { params: { path: { id: batchId } } })),
};

export type GenqDataProvider = DataProvider & typeof processMethods;

export const dataProvider: GenqDataProvider = { ...restProvider, ...processMethods };
