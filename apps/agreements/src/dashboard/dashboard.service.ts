import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AGREEMENTS_DASHBOARD_MAX_QUARTER_IDS, DASHBOARD_EXPIRING_DAYS, DASHBOARD_LIST_SIZE, type AgreementsDashboard } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { Certificate, Goal, Measure } from '../entities';

const DAY_MS = 86_400_000;
/** Ids one request may name; callers send more in chunks (`agreementsDashboardOf`). */
export const MAX_DASHBOARD_QUARTER_IDS = AGREEMENTS_DASHBOARD_MAX_QUARTER_IDS;

/** Checks the quarter restriction: absent means every quarter, a list restricts to those. */
export function quarterIdsOf(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) throw invalidFields({ field: 'quarterIds', code: Array.isArray(raw) ? 'validation.isString' : 'validation.isArray' });
  if (raw.length > MAX_DASHBOARD_QUARTER_IDS) throw invalidFields({ field: 'quarterIds', code: 'validation.arrayMaxSize', params: { max: MAX_DASHBOARD_QUARTER_IDS } });
  return raw as string[];
}

const n = (v: unknown): number => Number(v ?? 0);

/** Measures and certificates for the dashboard, each one SQL aggregate (GROUP BY), restricted to the given quarters. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(rawQuarterIds: unknown, now = new Date()): Promise<AgreementsDashboard> {
    const quarterIds = quarterIdsOf(rawQuarterIds);
    if (quarterIds && quarterIds.length === 0) return { measures: [], certificates: { issued: 0, expiring: { count: 0, first: [] } } };
    const only = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) =>
      quarterIds ? qb.andWhere(`${column} IN (:...quarterIds)`, { quarterIds }) : qb;
    const m = this.db.manager;

    const measures = await only(m.createQueryBuilder(Measure, 'm').innerJoin(Goal, 'g', 'g.id = m.goalId'), 'm.quarterId')
      .select('g.actionFieldId', 'actionFieldId')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('g.actionFieldId')
      .addGroupBy('m.status')
      .orderBy('g.actionFieldId', 'ASC')
      .addOrderBy('m.status', 'ASC')
      .getRawMany<{ actionFieldId: string; status: string; count: unknown }>();

    const until = new Date(now.getTime() + DASHBOARD_EXPIRING_DAYS * DAY_MS);
    // Expiring: a quarter's current certificate (no later cycle renewed it, the Bilanzierung
    // or a withdrawal did not end it) whose validity ends within the window.
    const current = 'c.expiredAt IS NULL AND NOT EXISTS (SELECT 1 FROM "certificates" "r" WHERE "r"."quarterId" = c.quarterId AND "r"."cycle" > c.cycle)';
    const counts = await only(m.createQueryBuilder(Certificate, 'c'), 'c.quarterId')
      .select('COUNT(*)', 'issued')
      .addSelect(`SUM(CASE WHEN c.validUntil >= :now AND c.validUntil <= :until AND ${current} THEN 1 ELSE 0 END)`, 'expiring')
      .setParameters({ now, until })
      .getRawOne<Record<string, unknown>>();
    const expiring = await only(m.createQueryBuilder(Certificate, 'c'), 'c.quarterId')
      .andWhere(`c.validUntil >= :now AND c.validUntil <= :until AND ${current}`, { now, until })
      .orderBy('c.validUntil', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(DASHBOARD_LIST_SIZE)
      .getMany();

    return {
      measures: measures.map((r) => ({ actionFieldId: r.actionFieldId, status: r.status, count: n(r.count) })),
      certificates: {
        issued: n(counts?.issued),
        expiring: {
          count: n(counts?.expiring),
          first: expiring.map((c) => ({ id: c.id, number: c.number, quarterId: c.quarterId, quarterName: c.quarterName, validUntil: c.validUntil.toISOString() })),
        },
      },
    };
  }
}
