import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';
import type { DataProvider } from 'react-admin';

/**
 * The gateway speaks the simple REST dialect: `filter`, `sort` and `range` query parameters,
 * totals in `Content-Range`. Validation failures come back as HTTP 400 with
 * `{ errors: { field: message } }`; `fetchJson` keeps the parsed body on the `HttpError`,
 * and react-admin's create/edit controllers show `body.errors` next to the inputs.
 */
export const apiUrl = (import.meta.env.VITE_API_URL ?? '/api').replace(/\/+$/, '');

export const dataProvider: DataProvider = simpleRestProvider(apiUrl, fetchUtils.fetchJson);
