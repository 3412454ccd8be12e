import type { SavedViewDto } from '@genq/contracts';
import { apiUrl, httpClient } from '../providers/dataProvider';

/** A saved view as GET /api/saved-views answers it. */
export type SavedView = SavedViewDto;

export const savedViewsApi = {
  list: async (resource: string): Promise<SavedView[]> => (await httpClient(`${apiUrl}/saved-views?resource=${encodeURIComponent(resource)}`)).json as SavedView[],
  create: async (body: { resource: string; name: string; filter: Record<string, unknown>; sort?: SavedView['sort'] }): Promise<SavedView> =>
    (await httpClient(`${apiUrl}/saved-views`, { method: 'POST', body: JSON.stringify(body) })).json as SavedView,
  remove: async (id: string): Promise<void> => {
    await httpClient(`${apiUrl}/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
};
