import { apiUrl, httpClient } from '../providers/dataProvider';

/**
 * Shapes of GET /api/dashboard, as the console reads them (they mirror `DashboardDto` in
 * `@genq/contracts`, whose entry the browser bundle does not import).
 */
export const FILTER_FIELDS = ['land', 'kreis', 'municipality', 'housingCompany', 'programmeId'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type DashboardFilter = Partial<Record<FilterField, string>>;
export type Facets = Record<FilterField, string[]>;

export interface QuarterLine {
  id: string;
  name: string;
  phase: string | null;
  currentStep: string | null;
  at: string | null;
  reason: string | null;
}

export interface Dashboard {
  total: number;
  byPhase: Array<{ phase: string | null; count: number }>;
  byStep: Array<{ phase: string | null; currentStep: string | null; count: number }>;
  stalled: number;
  overdue: number;
  paused: number;
  upcoming: { count: number; first: QuarterLine[] };
  stalledList: QuarterLine[];
  overdueList: QuarterLine[];
  measures: Array<{ actionFieldId: string; status: string; count: number }>;
  certificates: {
    issued: number;
    expiring: { count: number; first: Array<{ id: string; number: string; quarterId: string; quarterName: string; validUntil: string }> };
  };
  facets: Facets;
}

/** Drops unset fields, so the filter in URLs and requests holds only what is chosen. */
export const cleanFilter = (filter: DashboardFilter): DashboardFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) as DashboardFilter;

export const fetchDashboard = async (filter: DashboardFilter): Promise<Dashboard> =>
  (await httpClient(`${apiUrl}/dashboard?filter=${encodeURIComponent(JSON.stringify(cleanFilter(filter)))}`)).json as Dashboard;

export const fetchFacets = async (): Promise<Facets> => (await httpClient(`${apiUrl}/dashboard/facets`)).json as Facets;
