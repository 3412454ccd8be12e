import { apiUrl, httpClient } from '../providers/dataProvider';

/** A saved view as GET /api/saved-views answers it (mirrors `SavedViewDto` in @genq/contracts). */
export interface SavedView {
  id: string;
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  role: string;
  createdBy: string;
  createdAt: string;
}

export const savedViewsApi = {
  list: async (resource: string): Promise<SavedView[]> => (await httpClient(`${apiUrl}/saved-views?resource=${encodeURIComponent(resource)}`)).json as SavedView[],
  create: async (body: { resource: string; name: string; filter: Record<string, unknown>; sort?: SavedView['sort'] }): Promise<SavedView> =>
    (await httpClient(`${apiUrl}/saved-views`, { method: 'POST', body: JSON.stringify(body) })).json as SavedView,
  remove: async (id: string): Promise<void> => {
    await httpClient(`${apiUrl}/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
};
