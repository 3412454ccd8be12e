import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiUrl, bearer, session } from '../auth/authProvider';

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
    return await call(await bearer());
  } catch (err) {
    if ((err as { status?: number }).status !== 401 || !session.isSignedIn()) throw err;
    await session.refresh().catch(() => undefined);
    return call(await bearer());
  }
};

/**
 * The gateway speaks the simple REST dialect: `filter`, `sort` and `range` query parameters,
 * totals in `Content-Range`. Validation failures come back as HTTP 400 with
 * `{ errors: { field: message } }`; `fetchJson` keeps the parsed body on the `HttpError`,
 * and react-admin's create/edit controllers show `body.errors` next to the inputs.
 */
export const dataProvider: DataProvider = simpleRestProvider(apiUrl, httpClient);
