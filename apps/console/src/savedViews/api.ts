import type { SavedViewDto } from '@genq/contracts';
import { api, data, type Schemas } from '../providers/apiClient';

/** A saved view as GET /api/saved-views answers it. */
export type SavedView = SavedViewDto;

export const savedViewsApi = {
  /** The views of one list that everyone of the caller's role saved. */
  list: (resource: string): Promise<SavedView[]> => data(api.GET('/api/saved-views', { params: { query: { resource } } })),
  /** The caller's own views, of every list ("Meine Ansichten"). */
  mine: (): Promise<SavedView[]> => data(api.GET('/api/saved-views', { params: { query: { owner: 'me' } } })),
  create: (body: { resource: string; name: string; filter: Record<string, unknown>; sort?: SavedView['sort'] }): Promise<SavedView> =>
    data(api.POST('/api/saved-views', { body: body as Schemas['CreateSavedViewDto'] })),
  remove: async (id: string): Promise<void> => {
    await data(api.DELETE('/api/saved-views/{id}', { params: { path: { id } } }));
  },
};

/** The console's address of a list showing a view: react-admin reads filter and sort from the query. */
export const viewPath = (view: Pick<SavedView, 'resource' | 'filter' | 'sort'>): string => {
  const query = new URLSearchParams({ filter: JSON.stringify(view.filter ?? {}), ...(view.sort ? { sort: view.sort.field, order: view.sort.order } : {}) });
  return `/${view.resource}?${query.toString()}`;
};
