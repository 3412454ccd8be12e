import type { SavedViewDto } from '@genq/contracts';
import { api, data, type Schemas } from '../providers/apiClient';

/** A saved view as GET /api/saved-views answers it. */
export type SavedView = SavedViewDto;

export const savedViewsApi = {
  list: (resource: string): Promise<SavedView[]> => data(api.GET('/api/saved-views', { params: { query: { resource } } })),
  create: (body: { resource: string; name: string; filter: Record<string, unknown>; sort?: SavedView['sort'] }): Promise<SavedView> =>
    data(api.POST('/api/saved-views', { body: body as Schemas['CreateSavedViewDto'] })),
  remove: async (id: string): Promise<void> => {
    await data(api.DELETE('/api/saved-views/{id}', { params: { path: { id } } }));
  },
};
