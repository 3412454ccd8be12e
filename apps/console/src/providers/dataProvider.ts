import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiUrl, bearer, session } from '../auth/authProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import { sayProblem } from './problems';
import type { BatchPreview, BatchProgress, InterventionRequest, InterventionResult, ProcessStateView } from '../process/types';

export { apiUrl };

/**
 * Every API call carries the signed-in user's access token, and the console's language
 * (Accept-Language), so the gateway's `detail` of a refusal comes in it too. When the gateway answers 401
 * anyway (the token expired in flight, or the server restarted its sessions), the token is
 * renewed once and the call repeated; a second 401 goes to react-admin, which signs out.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const call = async (token: string) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept-Language', i18nProvider.getLocale() === 'en' ? 'en' : 'de');
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

const json = (body: unknown) => JSON.stringify(body);
const filterParam = (filter: Record<string, unknown>) => encodeURIComponent(JSON.stringify(filter ?? {}));

/**
 * Calls beyond CRUD: the process of a quarter and operator interventions (issue 6).
 * A refused intervention rejects with an `HttpError` of status 409 whose `message` is the
 * process's refusal said from its code in the user's language; callers show it as is.
 */
const processMethods = {
  getProcess: async (quarterId: string): Promise<ProcessStateView> =>
    (await httpClient(`${apiUrl}/quarters/${encodeURIComponent(quarterId)}/process`)).json,
  intervene: async (quarterId: string, intervention: InterventionRequest): Promise<InterventionResult> =>
    (
      await httpClient(`${apiUrl}/quarters/${encodeURIComponent(quarterId)}/interventions`, {
        method: 'POST',
        body: json(intervention),
      })
    ).json,
  previewBatch: async (filter: Record<string, unknown>): Promise<BatchPreview> =>
    (await httpClient(`${apiUrl}/interventions/batches/preview?filter=${filterParam(filter)}`)).json,
  startBatch: async (filter: Record<string, unknown>, intervention: InterventionRequest): Promise<{ id: string; total: number }> =>
    (await httpClient(`${apiUrl}/interventions/batches`, { method: 'POST', body: json({ filter, intervention }) })).json,
  batchProgress: async (batchId: string): Promise<BatchProgress> =>
    (await httpClient(`${apiUrl}/interventions/batches/${encodeURIComponent(batchId)}`)).json,
};

export type GenqDataProvider = DataProvider & typeof processMethods;

export const dataProvider: GenqDataProvider = { ...restProvider, ...processMethods };
