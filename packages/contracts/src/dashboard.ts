/**
 * The operator dashboard (issue 6): one read over the read models, and saved views of
 * lists shared within a role. Pure data: importable from services and the console.
 */

/** Fields the dashboard filter takes (the same names as the quarters list filter). */
export const DASHBOARD_FILTER_FIELDS = ['land', 'kreis', 'municipality', 'housingCompany', 'programmeId'] as const;
export type DashboardFilterField = (typeof DASHBOARD_FILTER_FIELDS)[number];
export type DashboardFilter = Partial<Record<DashboardFilterField, string>>;

/** Days ahead a deadline counts as upcoming, and a certificate as expiring. */
export const DASHBOARD_UPCOMING_DAYS = 30;
export const DASHBOARD_EXPIRING_DAYS = 90;
/** Rows each dashboard list shows at most. */
export const DASHBOARD_LIST_SIZE = 10;

/** One quarter in a dashboard list: since when (or due when), which step, and why. */
export interface DashboardQuarterLine {
  id: string;
  name: string;
  phase: string | null;
  currentStep: string | null;
  /** Due date (upcoming), stalled since (stalled) or overdue since (overdue). */
  at: string | null;
  /** Why it stalls (stalled list); null elsewhere. */
  reason: string | null;
}

export interface DashboardCount {
  count: number;
}

/** Distinct values of the filterable fields within the caller's scope, for the filter selects. */
export type DashboardFacets = Record<DashboardFilterField, string[]>;

/** The actors service's part: counts over the quarters read model. */
export interface QuarterDashboard {
  total: number;
  byPhase: Array<{ phase: string | null; count: number }>;
  byStep: Array<{ phase: string | null; currentStep: string | null; count: number }>;
  stalled: number;
  overdue: number;
  paused: number;
  upcoming: { count: number; first: DashboardQuarterLine[] };
  stalledList: DashboardQuarterLine[];
  overdueList: DashboardQuarterLine[];
}

/** The agreements service's part: measures and certificates of the given quarters. */
export interface AgreementsDashboard {
  measures: Array<{ actionFieldId: string; status: string; count: number }>;
  certificates: {
    issued: number;
    expiring: {
      count: number;
      first: Array<{ id: string; number: string; quarterId: string; quarterName: string; validUntil: string }>;
    };
  };
}

/** GET /api/dashboard. */
export interface DashboardDto extends QuarterDashboard, AgreementsDashboard {
  filter: DashboardFilter;
  /**
   * The values that occur in the caller's scope, whatever the filter (as `GET /api/dashboard/facets`).
   * Absent when asked with `facets=false`: the console loads them once instead of with every
   * refresh (at 10,000 quarters they are most of the answer).
   */
  facets?: DashboardFacets;
}

/** The quarters the agreements part is restricted to: `all` when the caller sees every quarter unfiltered. */
export interface DashboardQuarterIds {
  all: boolean;
  ids: string[];
}

export interface DashboardQuery {
  filter?: Record<string, unknown>;
}

/** Agreements part: `quarterIds` absent means every quarter. */
export interface AgreementsDashboardQuery {
  quarterIds?: string[];
}

/** The most quarter ids one agreements dashboard request takes; the service refuses more. */
export const AGREEMENTS_DASHBOARD_MAX_QUARTER_IDS = 1000;
/** Quarter ids per request when a caller asks for more quarters than that (also other per-quarter-id requests). */
export const QUARTER_ID_CHUNK = 500;

/** Adds up the agreements figures of several chunks of quarters. */
export function mergeAgreementsDashboards(parts: AgreementsDashboard[]): AgreementsDashboard {
  const measures = new Map<string, { actionFieldId: string; status: string; count: number }>();
  let issued = 0;
  let expiring = 0;
  const first: AgreementsDashboard['certificates']['expiring']['first'] = [];
  for (const p of parts) {
    for (const m of p.measures) {
      const key = `${m.actionFieldId}\u0000${m.status}`;
      const seen = measures.get(key);
      if (seen) seen.count += m.count;
      else measures.set(key, { ...m });
    }
    issued += p.certificates.issued;
    expiring += p.certificates.expiring.count;
    first.push(...p.certificates.expiring.first);
  }
  first.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.id.localeCompare(b.id));
  return {
    measures: [...measures.values()].sort((a, b) => a.actionFieldId.localeCompare(b.actionFieldId) || a.status.localeCompare(b.status)),
    certificates: { issued, expiring: { count: expiring, first: first.slice(0, 10) } },
  };
}

/**
 * The agreements figures of any number of quarters: one request per {@link QUARTER_ID_CHUNK}
 * ids, one after another (the service is not flooded), added up.
 */
export async function agreementsDashboardOf(
  quarterIds: string[],
  ask: (query: AgreementsDashboardQuery) => Promise<AgreementsDashboard>,
): Promise<AgreementsDashboard> {
  const parts: AgreementsDashboard[] = [];
  for (let i = 0; i < quarterIds.length; i += QUARTER_ID_CHUNK) parts.push(await ask({ quarterIds: quarterIds.slice(i, i + QUARTER_ID_CHUNK) }));
  return mergeAgreementsDashboards(parts);
}

export const DashboardPatterns = {
  quarters: 'actors.dashboard.quarters',
  quarterIds: 'actors.dashboard.quarter-ids',
  facets: 'actors.dashboard.facets',
  agreements: 'agreements.dashboard',
} as const;

// ---- saved views ---------------------------------------------------------------------

/** A named filter (and sort) of a list, shared with everyone of the creator's role. */
export interface SavedViewDto {
  id: string;
  /** The list it belongs to, e.g. `quarters`, `audit-log`. */
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  role: string;
  createdBy: string;
  createdAt: string;
}

export interface CreateSavedViewCommand {
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
}

/** A saved view's write: the view and the programme its audit entry is filed under. */
export interface SavedViewChange {
  view: SavedViewDto;
  programmeId: string | null;
}

export const SavedViewPatterns = {
  list: 'actors.saved-views.list',
  create: 'actors.saved-views.create',
  remove: 'actors.saved-views.remove',
} as const;
