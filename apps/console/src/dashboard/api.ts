import type { DashboardDto, DashboardFacets, DashboardFilter, DashboardFilterField, DashboardQuarterLine } from '@genq/contracts';
import { apiUrl, httpClient } from '../providers/dataProvider';

/**
 * Shapes of GET /api/dashboard, typed from `DashboardDto` in `@genq/contracts` (types only: its
 * entry pulls in Temporal). The filter fields are a runtime value, checked against the contracts.
 */
export const FILTER_FIELDS = ['land', 'kreis', 'municipality', 'housingCompany', 'programmeId'] as const satisfies readonly DashboardFilterField[];
export type FilterField = DashboardFilterField;
export type { DashboardFilter };
export type Facets = DashboardFacets;
export type QuarterLine = DashboardQuarterLine;
/** The dashboard as the console reads it (the echoed filter it keeps itself). */
export type Dashboard = Omit<DashboardDto, 'filter'>;

/** Drops unset fields, so the filter in URLs and requests holds only what is chosen. */
export const cleanFilter = (filter: DashboardFilter): DashboardFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) as DashboardFilter;

export const fetchDashboard = async (filter: DashboardFilter): Promise<Dashboard> =>
  (await httpClient(`${apiUrl}/dashboard?filter=${encodeURIComponent(JSON.stringify(cleanFilter(filter)))}`)).json as Dashboard;

export const fetchFacets = async (): Promise<Facets> => (await httpClient(`${apiUrl}/dashboard/facets`)).json as Facets;
