import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import {
  DASHBOARD_FILTER_FIELDS,
  DASHBOARD_LIST_SIZE,
  DASHBOARD_UPCOMING_DAYS,
  type Actor,
  type DashboardFacets,
  type DashboardFilter,
  type DashboardQuarterIds,
  type DashboardQuarterLine,
  type FieldProblemInput,
  type QuarterDashboard,
  isProgrammeRole,
} from '@genq/contracts';
import { problem } from '@genq/service-kit';
import { Quarter } from '../quarters/entities/quarter.entity';
import { ScopeService } from '../scope/scope.service';
import { QuarterCount } from './quarter-count.entity';

const DAY_MS = 86_400_000;

/** Checks the dashboard filter: only the known fields, each a non-empty string (empty means unset). */
export function dashboardFilterOf(raw: unknown): DashboardFilter {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw problem('dashboard.filter_invalid', { count: 1 }, [{ field: 'filter', code: 'validation.isObject' }]);
  const problems: FieldProblemInput[] = [];
  const filter: DashboardFilter = {};
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(DASHBOARD_FILTER_FIELDS as readonly string[]).includes(field)) {
      problems.push({ field, code: 'dashboard.unknown_filter', params: { fields: DASHBOARD_FILTER_FIELDS.join(', ') } });
    } else if (value === undefined || value === null || value === '') {
      continue;
    } else if (typeof value !== 'string') {
      problems.push({ field, code: 'validation.isString' });
    } else {
      filter[field as keyof DashboardFilter] = value;
    }
  }
  if (problems.length > 0) throw problem('dashboard.filter_invalid', { count: problems.length }, problems);
  return filter;
}

/** Raw counts come back as strings on PostgreSQL and numbers on SQLite. */
const n = (v: unknown): number => Number(v ?? 0);
const iso = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && !/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? `${v.replace(' ', 'T')}Z` : String(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** One group of the dashboard's figures: a phase and step with its counts. */
interface StepGroup {
  phase: string | null;
  currentStep: string | null;
  count: unknown;
  stalled: unknown;
  paused: unknown;
  overdue: unknown;
}

/**
 * The dashboard over the quarters read model, never a call per quarter. The counts per phase
 * and step (with stalled, paused, overdue) come from the counters `quarter_counts` kept per
 * programme, phase and step (a few rows per programme, however many quarters) when the caller
 * is scoped by programme and filters by nothing but the programme; otherwise (a partner's
 * membership scope, a Land, Kreis, municipality or company filter) from one GROUP BY over the
 * quarters in scope. The upcoming deadlines depend on the time and are counted from the
 * next-due index either way.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectRepository(Quarter) private readonly repo: Repository<Quarter>,
    @InjectRepository(QuarterCount) private readonly counts: Repository<QuarterCount>,
    private readonly scope: ScopeService,
  ) {}

  /** Quarters in the actor's scope matching the filter. */
  private base(actor: Actor, filter: DashboardFilter): SelectQueryBuilder<Quarter> {
    const qb = this.scope.restrictQuarters(this.repo.createQueryBuilder('q'), actor);
    DASHBOARD_FILTER_FIELDS.forEach((field, i) => {
      const value = filter[field];
      if (value !== undefined) qb.andWhere(`q.${field} = :df${i}`, { [`df${i}`]: value });
    });
    return qb;
  }

  async quarters(actor: Actor, rawFilter: unknown, now = new Date()): Promise<QuarterDashboard> {
    const filter = dashboardFilterOf(rawFilter);
    const soon = new Date(now.getTime() + DASHBOARD_UPCOMING_DAYS * DAY_MS);

    const groups = this.countersAnswer(actor, filter) ? await this.countedGroups(actor, filter) : await this.scannedGroups(actor, filter);
    const totals = { total: 0, stalled: 0, paused: 0, overdue: 0 };
    const phases = new Map<string | null, number>();
    for (const g of groups) {
      totals.total += n(g.count);
      totals.stalled += n(g.stalled);
      totals.paused += n(g.paused);
      totals.overdue += n(g.overdue);
      const phase = g.phase ?? null;
      phases.set(phase, (phases.get(phase) ?? 0) + n(g.count));
    }
    // A range of the next-due index (nextDueAt, id, programmeId): read, not scanned.
    const upcomingCount = await this.base(actor, filter).andWhere('q.nextDueAt >= :now AND q.nextDueAt <= :soon', { now, soon }).getCount();
    // The database's order (ORDER BY phase, currentStep), so both drivers answer alike.
    const byPhase = [...phases].map(([phase, count]) => ({ phase, count }));
    const byStep = groups.map((r) => ({ phase: r.phase ?? null, currentStep: r.currentStep ?? null, count: n(r.count) }));

    const line = (at: (q: Quarter) => Date | null, reason = false) => (q: Quarter): DashboardQuarterLine => ({
      id: q.id,
      name: q.name,
      phase: q.phase,
      currentStep: q.currentStep,
      at: iso(at(q)),
      reason: reason ? q.stalledReason : null,
    });
    const upcoming = await this.base(actor, filter)
      .andWhere('q.nextDueAt >= :now AND q.nextDueAt <= :soon', { now, soon })
      .orderBy('q.nextDueAt', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .take(DASHBOARD_LIST_SIZE)
      .getMany();
    const stalled = await this.base(actor, filter)
      .andWhere('q.stalled = :yes', { yes: true })
      .orderBy('q.stalledSince', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .take(DASHBOARD_LIST_SIZE)
      .getMany();
    const overdue = await this.base(actor, filter)
      .andWhere('q.overdueSince IS NOT NULL')
      .orderBy('q.overdueSince', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .take(DASHBOARD_LIST_SIZE)
      .getMany();

    return {
      total: totals.total,
      byPhase,
      byStep,
      stalled: totals.stalled,
      overdue: totals.overdue,
      paused: totals.paused,
      upcoming: { count: upcomingCount, first: upcoming.map(line((q) => q.nextDueAt)) },
      stalledList: stalled.map(line((q) => q.stalledSince, true)),
      overdueList: overdue.map(line((q) => q.overdueSince)),
    };
  }

  /** Whether the counters answer: a programme-scoped caller, filtering by nothing but the programme. */
  private countersAnswer(actor: Actor, filter: DashboardFilter): boolean {
    return isProgrammeRole(actor.role) && Object.keys(filter).every((field) => field === 'programmeId');
  }

  /** The counters of the caller's programmes (and the filter's programme), summed per phase and step. */
  private countedGroups(actor: Actor, filter: DashboardFilter): Promise<StepGroup[]> {
    // '' is the counters' key for "none": back to null, so the database orders it as it orders a
    // null phase or step in the quarters (first on SQLite, last on PostgreSQL), as before.
    const qb = this.counts
      .createQueryBuilder('c')
      .select(`CASE WHEN c.phase = '' THEN NULL ELSE c.phase END`, 'phase')
      .addSelect(`CASE WHEN c.currentStep = '' THEN NULL ELSE c.currentStep END`, 'currentStep')
      .addSelect('SUM(c.quarters)', 'count')
      .addSelect('SUM(c.stalled)', 'stalled')
      .addSelect('SUM(c.paused)', 'paused')
      .addSelect('SUM(c.overdue)', 'overdue');
    if (actor.programmeIds.length === 0) qb.where('1 = 0');
    else qb.where('c.programmeId IN (:...scope_programmes)', { scope_programmes: actor.programmeIds });
    if (filter.programmeId !== undefined) qb.andWhere('c.programmeId = :df_programme', { df_programme: filter.programmeId });
    return qb
      .groupBy('c.phase')
      .addGroupBy('c.currentStep')
      .having('SUM(c.quarters) > 0')
      .orderBy('"phase"', 'ASC')
      .addOrderBy('"currentStep"', 'ASC')
      .getRawMany<StepGroup>();
  }

  /** One pass over the quarters in scope (an index-only scan of ix_quarters_dashboard), per phase and step. */
  private scannedGroups(actor: Actor, filter: DashboardFilter): Promise<StepGroup[]> {
    return this.base(actor, filter)
      .select('q.phase', 'phase')
      .addSelect('q.currentStep', 'currentStep')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(CASE WHEN q.stalled = :yes THEN 1 ELSE 0 END)', 'stalled')
      .addSelect('SUM(CASE WHEN q.paused = :yes THEN 1 ELSE 0 END)', 'paused')
      .addSelect('SUM(CASE WHEN q.overdueSince IS NOT NULL THEN 1 ELSE 0 END)', 'overdue')
      .setParameters({ yes: true })
      .groupBy('q.phase')
      .addGroupBy('q.currentStep')
      .orderBy('q.phase', 'ASC')
      .addOrderBy('q.currentStep', 'ASC')
      .getRawMany<StepGroup>();
  }

  /**
   * The quarters the agreements figures are restricted to. `all` (and no ids) when the filter
   * is empty and the caller's scope holds every quarter, so nothing needs restricting.
   */
  async quarterIds(actor: Actor, rawFilter: unknown): Promise<DashboardQuarterIds> {
    const filter = dashboardFilterOf(rawFilter);
    if (Object.keys(filter).length === 0) {
      const [visible, everything] = isProgrammeRole(actor.role)
        ? await Promise.all([this.countedTotal(actor.programmeIds), this.countedTotal(null)])
        : await Promise.all([this.base(actor, filter).getCount(), this.repo.count()]);
      if (visible === everything) return { all: true, ids: [] };
    }
    const rows = await this.base(actor, filter).select('q.id', 'id').orderBy('q.id', 'ASC').getRawMany<{ id: string }>();
    return { all: false, ids: rows.map((r) => r.id) };
  }

  /** Quarters of these programmes (null: of all) from the counters. */
  private async countedTotal(programmeIds: string[] | null): Promise<number> {
    if (programmeIds?.length === 0) return 0;
    const qb = this.counts.createQueryBuilder('c').select('SUM(c.quarters)', 'total');
    if (programmeIds) qb.where('c.programmeId IN (:...programmes)', { programmes: programmeIds });
    return n((await qb.getRawOne<{ total: unknown }>())?.total);
  }

  /** Distinct values of each filter field within the caller's scope (the filter itself not applied). */
  async facets(actor: Actor): Promise<DashboardFacets> {
    const facets = {} as DashboardFacets;
    for (const field of DASHBOARD_FILTER_FIELDS) {
      const rows = await this.base(actor, {})
        .select(`q.${field}`, 'value')
        .distinct(true)
        .andWhere(`q.${field} IS NOT NULL`)
        .orderBy(`q.${field}`, 'ASC')
        .getRawMany<{ value: string }>();
      facets[field] = rows.map((r) => r.value).filter((v) => v !== '');
    }
    return facets;
  }
}
