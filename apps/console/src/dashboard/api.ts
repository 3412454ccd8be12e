import { useEffect, useState } from 'react';
import { DASHBOARD_FILTER_FIELDS } from '@genq/contracts';
import type { DashboardDto, DashboardFacets, DashboardFilter, DashboardFilterField, DashboardQuarterLine } from '@genq/contracts';
import { api, data } from '../providers/apiClient';

/**
 * Shapes of GET /api/dashboard, typed from `DashboardDto` in `@genq/contracts`, with its filter fields.
 */
export const FILTER_FIELDS = DASHBOARD_FILTER_FIELDS;
export type FilterField = DashboardFilterField;
export type { DashboardFilter };
export type Facets = DashboardFacets;
export type QuarterLine = DashboardQuarterLine;
/** The dashboard as the console reads it (the echoed filter it keeps itself). */
export type Dashboard = Omit<DashboardDto, 'filter'>;

/** Drops unset fields, so the filter in URLs and requests holds only what is chosen. */
export const cleanFilter = (filter: DashboardFilter): DashboardFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) as DashboardFilter;

/** The figures without the facets: they do not change with the filter, {@link useFacets} loads them once. */
export const fetchDashboard = (filter: DashboardFilter): Promise<Dashboard> =>
  data(api.GET('/api/dashboard', { params: { query: { filter: JSON.stringify(cleanFilter(filter)), facets: 'false' } } }));

export const fetchFacets = (): Promise<Facets> => data(api.GET('/api/dashboard/facets'));

/** The values that occur in the caller's scope, for the filters' choices; undefined until loaded (or when loading failed). */
export const useFacets = (): Facets | undefined => {
  const [facets, setFacets] = useState<Facets | undefined>();
  useEffect(() => {
    let current = true;
    fetchFacets()
      .then((f) => current && setFacets(f))
      .catch(() => current && setFacets(undefined));
    return () => {
      current = false;
    };
  }, []);
  return facets;
};
