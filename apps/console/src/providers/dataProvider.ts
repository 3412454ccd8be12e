import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiUrl, bearer, session } from '../auth/authProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import { sayProblem } from './problems';
import { announceRetry, withRetry } from './retry';
import { api, data, type Schemas } from './apiClient';
import type { BatchPreview, BatchProgress, InterventionRequest, InterventionResult, ProcessStateView } from '../process/types';

export { apiUrl };

/** The language the console asks the API to answer in (its messages, e.g. a refusal's `detail`). */
export const requestLanguage = (): 'de' | 'en' => (i18nProvider.getLocale() === 'en' ? 'en' : 'de');

/**
 * Every API call carries the signed-in user's access token, and the console's language
 * (Accept-Language), so the gateway's `detail` of a refusal comes in it too. When the gateway answers 401
 * anyway (the token expired in flight, or the server restarted its sessions), the token is
 * renewed once and the call repeated; a second 401 goes to react-admin, which signs out.
 */
/**
 * Runs a call with the access token. When it answers 401 while a session exists (thrown, as
 * react-admin's fetchJson does, or returned, as a plain fetch's Response), the token is renewed
 * once and the call repeated.
 */
export async function withToken<T>(call: (token: string) => Promise<T>, isUnauthorised: (outcome: T) => boolean = () => false): Promise<T> {
  const again = async () => {
    await session.refresh().catch(() => undefined);
    return call(await bearer());
  };
  let outcome: T;
  try {
    outcome = await call(await bearer());
  } catch (err) {
    if ((err as { status?: number }).status !== 401 || !session.isSignedIn()) throw err;
    return again();
  }
  return isUnauthorised(outcome) && session.isSignedIn() ? again() : outcome;
}

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const call = async (token: string) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept-Language', requestLanguage());
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  try {
    return await withRetry(() => withToken(call), options.method, announceRetry);
  } catch (err) {
    throw inUserLanguage(err);
  }
};

/** An API error said from its problem code in the user's language (see ./problems). */
export function inUserLanguage(err: unknown): unknown {
  if (!(err instanceof HttpError)) return err;
  const said = sayProblem(err.body, i18nProvider.getLocale());
  return said ? new HttpError(said.message, err.status, said.body) : err;
}

/**
 * The gateway speaks the simple REST dialect: `filter`, `sort` and `range` query parameters,
 * totals in `Content-Range`. Validation failures come back as HTTP 400 problems listing every
 * field problem; `httpClient` turns them into the field tree `body.errors`, which
 * react-admin's create/edit controllers show next to the inputs.
 */
const restProvider: DataProvider = simpleRestProvider(apiUrl, httpClient);

/**
 * Calls beyond CRUD: the process of a quarter and operator interventions (issue 6).
 * A refused intervention rejects with an `HttpError` of status 409 whose `message` is the
 * process's refusal said from its code in the user's language; callers show it as is.
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

/**
 * Accounts (issue 17): a change goes as PATCH with only the editable fields (the gateway
 * refuses others), and a password reset answers the new one-time password once.
 */
const accountMethods = {
  resetPassword: (accountId: string): Promise<{ account: Schemas['AccountDto']; password: string }> =>
    data(api.POST('/api/accounts/{id}/password-reset', { params: { path: { id: accountId } } })),
};

const update: DataProvider['update'] = async (resource, params) => {
  if (resource !== 'accounts') return restProvider.update(resource, params);
  const { json } = await httpClient(`${apiUrl}/accounts/${encodeURIComponent(String(params.id))}`, { method: 'PATCH', body: JSON.stringify(params.data) });
  return { data: json };
};

export type GenqDataProvider = DataProvider & typeof processMethods & typeof accountMethods;

export const dataProvider: GenqDataProvider = { ...restProvider, update, ...processMethods, ...accountMethods };
