import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { distribution, type Distribution } from '@genq/domain';

/** One figure per quarter: the mean rating of an action field, or an indicator's latest value. */
interface Figure {
  id: string;
  quarterId: string;
  value: number;
}

export interface ProgrammeDistributions {
  actionFields: Record<string, Distribution>;
  indicators: Record<string, Distribution>;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const EMPTY: Distribution = { count: 0, min: null, q1: null, median: null, q3: null, max: null };

/**
 * The quarter compared with its programme: median and quartiles per action field (over each
 * quarter's mean rating) and per indicator (over each quarter's latest value), among the
 * quarters of the same programme assessed with the same catalogue version, read from the
 * `quarter_figures` read model that every write keeps current. On PostgreSQL
 * the quartiles are computed in SQL (`percentile_cont`, the same QUARTILE.INC rule as
 * `@genq/domain` distribution); SQLite has no percentile aggregate, so there the figures
 * come from SQL and the quartiles from the domain function.
 */
@Injectable()
export class ComparisonService {
  /** Computed distributions by programme and catalogue version, with the revision they were computed at. */
  private readonly cache = new Map<string, { revision: number; value: Promise<ProgrammeDistributions> }>();

  constructor(private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  private param(n: number): string {
    return this.postgres ? `$${n}` : '?';
  }

  /**
   * Recomputes the read model of the given quarters (all of a programme when `programmeId`
   * is given instead): action field means and latest indicator values. Runs inside the
   * caller's transaction, so the figures change together with the data they come from.
   */
  async refreshFigures(
    em: EntityManager,
    scope: { programmeId: string; catalogueVersionId: string; quarterId?: string },
    kinds: Array<'field' | 'indicator'>,
  ): Promise<void> {
    const [column, id] = scope.quarterId ? ['quarterId', scope.quarterId] : ['programmeId', scope.programmeId];
    const p = this.param(1);
    await em.query(
      `INSERT INTO comparison_revisions ("programmeId", "catalogueVersionId", "revision") VALUES (${this.param(1)}, ${this.param(2)}, 1)
       ON CONFLICT ("programmeId", "catalogueVersionId") DO UPDATE SET "revision" = comparison_revisions."revision" + 1`,
      [scope.programmeId, scope.catalogueVersionId],
    );
    for (const kind of kinds) {
      await em.query(`DELETE FROM quarter_figures WHERE "${column}" = ${p} AND "kind" = '${kind}'`, [id]);
      const select =
        kind === 'field'
          ? `SELECT "quarterId", 'field', "actionFieldId", "programmeId", "catalogueVersionId", AVG("rating")
             FROM criterion_ratings WHERE "${column}" = ${p}
             GROUP BY "quarterId", "actionFieldId", "programmeId", "catalogueVersionId"`
          : `SELECT v."quarterId", 'indicator', v."indicatorId", v."programmeId", v."catalogueVersionId", v."value"
             FROM indicator_values v
             JOIN (SELECT "quarterId", "indicatorId", MAX("referenceDate") AS d FROM indicator_values
                   WHERE "${column}" = ${p} GROUP BY "quarterId", "indicatorId") l
               ON l."quarterId" = v."quarterId" AND l."indicatorId" = v."indicatorId" AND l.d = v."referenceDate"`;
      await em.query(`INSERT INTO quarter_figures ("quarterId", "kind", "figureId", "programmeId", "catalogueVersionId", "value") ${select}`, [id]);
    }
  }

  private async distributions(kind: 'field' | 'indicator', programmeId: string, catalogueVersionId: string): Promise<Record<string, Distribution>> {
    const where = `"programmeId" = ${this.param(1)} AND "catalogueVersionId" = ${this.param(2)} AND "kind" = ${this.param(3)}`;
    if (this.postgres) {
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT "figureId" AS id, COUNT(*) AS n, MIN("value") AS min, MAX("value") AS max,
            percentile_cont(0.25) WITHIN GROUP (ORDER BY "value") AS q1,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY "value") AS median,
            percentile_cont(0.75) WITHIN GROUP (ORDER BY "value") AS q3
         FROM quarter_figures WHERE ${where} GROUP BY "figureId"`,
        [programmeId, catalogueVersionId, kind],
      );
      const out: Record<string, Distribution> = {};
      for (const r of rows) {
        const num = (k: string) => round4(Number(r[k]));
        out[String(r.id)] = { count: Number(r.n), min: num('min'), q1: num('q1'), median: num('median'), q3: num('q3'), max: num('max') };
      }
      return out;
    }
    const byId = new Map<string, number[]>();
    for (const f of await this.figures(kind, programmeId, catalogueVersionId)) {
      const list = byId.get(f.id) ?? [];
      list.push(round4(f.value));
      byId.set(f.id, list);
    }
    return Object.fromEntries([...byId].map(([id, values]) => [id, distribution(values)]));
  }

  private async figures(kind: 'field' | 'indicator', programmeId: string, catalogueVersionId: string): Promise<Figure[]> {
    const rows: Array<{ quarterId: string; id: string; value: unknown }> = await this.dataSource.query(
      `SELECT "quarterId", "figureId" AS id, "value" FROM quarter_figures
       WHERE "programmeId" = ${this.param(1)} AND "catalogueVersionId" = ${this.param(2)} AND "kind" = ${this.param(3)}`,
      [programmeId, catalogueVersionId, kind],
    );
    return rows.map((r) => ({ quarterId: r.quarterId, id: r.id, value: Number(r.value) }));
  }

  /**
   * The programme's distributions per action field and per indicator, computed once per
   * revision of the programme's figures (see ComparisonRevision) and reused until a write
   * changes them.
   */
  async programmeDistributions(programmeId: string, catalogueVersionId: string): Promise<ProgrammeDistributions> {
    const key = `${programmeId}\u0000${catalogueVersionId}`;
    const rows: Array<{ revision: unknown }> = await this.dataSource.query(
      `SELECT "revision" FROM comparison_revisions WHERE "programmeId" = ${this.param(1)} AND "catalogueVersionId" = ${this.param(2)}`,
      [programmeId, catalogueVersionId],
    );
    const revision = rows[0] ? Number(rows[0].revision) : 0;
    const cached = this.cache.get(key);
    if (cached && cached.revision === revision) return cached.value;
    const pending = Promise.all([
      this.distributions('field', programmeId, catalogueVersionId),
      this.distributions('indicator', programmeId, catalogueVersionId),
    ]).then(([actionFields, indicators]) => ({ actionFields, indicators }));
    this.cache.set(key, { revision, value: pending });
    pending.catch(() => this.cache.delete(key));
    return pending;
  }

  /** Every quarter's mean rating per action field. */
  async quarterMeans(programmeId: string, catalogueVersionId: string): Promise<Array<{ quarterId: string; means: Record<string, number> }>> {
    const byQuarter = new Map<string, Record<string, number>>();
    for (const f of await this.figures('field', programmeId, catalogueVersionId)) {
      const means = byQuarter.get(f.quarterId) ?? {};
      means[f.id] = Math.round(f.value * 1000) / 1000;
      byQuarter.set(f.quarterId, means);
    }
    return [...byQuarter].map(([quarterId, means]) => ({ quarterId, means }));
  }

  static empty(): Distribution {
    return { ...EMPTY };
  }

  /** Which quarter (1-4) of the distribution a value falls in. */
  static quartile(value: number | null, d: Distribution): 1 | 2 | 3 | 4 | null {
    if (value === null || d.q1 === null || d.median === null || d.q3 === null) return null;
    if (value <= d.q1) return 1;
    if (value <= d.median) return 2;
    if (value <= d.q3) return 3;
    return 4;
  }
}
