/**
 * Benchmark of the programme comparison (issue 4), against a real PostgreSQL it starts itself:
 *   npm run bench -w @genq/analysis            (10,000 quarters)
 *   BENCH_QUARTERS=2000 npm run bench -w @genq/analysis
 *   BENCH_EXPLAIN=1 npm run bench -w @genq/analysis   (also prints the query plan)
 * Loads N synthetic quarters of one programme (all indicators at two reference dates, every
 * criterion rated), then times through the service's own NATS transport:
 * - the profile of one quarter with its programme-wide comparison (target < 200 ms),
 * - the programme distribution over all quarters (target < 1 s),
 * and prints the figures and the size of the data.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startPostgres } from '@genq/infra';
import { AnalysisPatterns, type ProfileDto, type ProgrammeDistributionDto } from '@genq/contracts';
import { parseCatalogue } from '@genq/domain';
import { startServiceForTest } from '@genq/service-kit';
import { AnalysisModule } from '../src/app.module';
import { ComparisonService } from '../src/analyses/comparison.service';
import { generator } from './generator';

const QUARTERS = Number(process.env.BENCH_QUARTERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PROGRAMME = 'bench-programme';
const seedPath = resolve(__dirname, '../../../seed/catalogue-genq-default-1.0.0.json');

async function time<T>(runs: number, fn: (i: number) => Promise<T>): Promise<{ median: number; p95: number; max: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  return { median: at(0.5), p95: at(0.95), max: ms[ms.length - 1]!, last };
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const catalogue = parseCatalogue(JSON.parse(readFileSync(seedPath, 'utf8')));
  const cv = `${catalogue.id}@${catalogue.version}`;
  console.log(`starting PostgreSQL...`);
  const pg = await startPostgres();
  try {
    const url = await pg.createDatabase('genq_analysis_bench');
    const service = await startServiceForTest('analysis', AnalysisModule.forRoot, {
      database: { type: 'postgres', url, ssl: false },
      catalogueSeedPath: seedPath,
    });
    const db = service.app.get(DataSource);
    const next = generator(catalogue);
    const quarterIds: string[] = [];
    const t0 = Date.now();
    const BATCH = 500;
    for (let start = 0; start < QUARTERS; start += BATCH) {
      const a: string[][] = [[], []];
      const v: Array<Array<string | number>> = [[], [], [], [], [], [], []];
      const r: Array<Array<string | number>> = [[], [], [], [], []];
      const kinds = new Map(catalogue.indicators.map((i) => [i.id, i]));
      for (let n = start; n < Math.min(QUARTERS, start + BATCH); n++) {
        const q = next();
        quarterIds.push(q.quarterId);
        a[0]!.push(randomUUID());
        a[1]!.push(q.quarterId);
        for (const x of q.values) {
          const ind = kinds.get(x.indicatorId)!;
          const row = [randomUUID(), q.quarterId, x.indicatorId, x.referenceDate, x.value, ind.kind, ind.unit];
          row.forEach((cell, k) => v[k]!.push(cell));
        }
        for (const x of q.ratings) {
          const row = [randomUUID(), q.quarterId, x.criterionId, x.actionFieldId, x.rating];
          row.forEach((cell, k) => r[k]!.push(cell));
        }
      }
      await db.query(
        `INSERT INTO quarter_analyses (id, "quarterId", "programmeId", "catalogueVersionId", status)
         SELECT id, q, $3, $4, 'submitted' FROM unnest($1::varchar[], $2::varchar[]) AS t(id, q)`,
        [a[0], a[1], PROGRAMME, cv],
      );
      await db.query(
        `INSERT INTO indicator_values (id, "quarterId", "programmeId", "catalogueVersionId", "indicatorId", "referenceDate", value, source, kind, unit)
         SELECT id, q, $8, $9, i, d, val, 'Synthetisch', k, u
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::float8[], $6::varchar[], $7::varchar[]) AS t(id, q, i, d, val, k, u)`,
        [...v, PROGRAMME, cv],
      );
      await db.query(
        `INSERT INTO criterion_ratings (id, "quarterId", "programmeId", "catalogueVersionId", "criterionId", "actionFieldId", rating, "targetGroups")
         SELECT id, q, $6, $7, c, f, r, '[]' FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[]) AS t(id, q, c, f, r)`,
        [...r, PROGRAMME, cv],
      );
    }
    // Bulk-loaded rows bypass the service's writes, so the read model is built once for the programme.
    await db.transaction((em) => service.app.get(ComparisonService).refreshFigures(em, { programmeId: PROGRAMME, catalogueVersionId: cv }, ['field', 'indicator']));
    // A settled table, as autovacuum keeps it: with the visibility map set, the comparison reads
    // the figures from the index alone. (A plain VACUUM right after the bulk load left it unset.)
    await db.query('VACUUM (FREEZE, ANALYZE)');
    const loadMs = Date.now() - t0;

    const counts = await db.query(
      `SELECT (SELECT COUNT(*) FROM quarter_analyses) AS analyses, (SELECT COUNT(*) FROM indicator_values) AS "values",
              (SELECT COUNT(*) FROM criterion_ratings) AS ratings,
              pg_size_pretty(pg_total_relation_size('indicator_values')) AS values_size,
              pg_size_pretty(pg_total_relation_size('criterion_ratings')) AS ratings_size,
              pg_size_pretty(pg_total_relation_size('quarter_analyses')) AS analyses_size,
              pg_size_pretty(pg_total_relation_size('quarter_figures')) AS figures_size, (SELECT COUNT(*) FROM quarter_figures) AS figures,
              pg_size_pretty(pg_database_size(current_database())) AS db_size,
              version() AS version`,
    );
    const c = counts[0];

    if (process.env.BENCH_EXPLAIN) {
      console.log(await db.query(`SELECT relallvisible, relpages FROM pg_class WHERE relname = 'quarter_figures'`));
      const plan: Array<Record<string, string>> = await db.query(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT "figureId", COUNT(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY "value")
         FROM quarter_figures WHERE "programmeId" = $1 AND "catalogueVersionId" = $2 AND "kind" = 'indicator' GROUP BY "figureId"`,
        [PROGRAMME, cv],
      );
      console.log(plan.map((p) => Object.values(p)[0]).join('\n'));
    }
    // Warm-up: the first query of a connection plans and loads pages.
    await service.send<ProfileDto>(AnalysisPatterns.profile, quarterIds[0]);
    const profile = await time(RUNS, (i) => service.send<ProfileDto>(AnalysisPatterns.profile, quarterIds[(i * 7919) % quarterIds.length]));
    // A write anywhere in the programme invalidates the computed distribution: the next
    // comparison recomputes it from quarter_figures (the cold case).
    const write = (i: number) =>
      service.send(AnalysisPatterns.upsertRatings, { quarterId: quarterIds[(i * 104_729) % quarterIds.length], ratings: [{ criterionId: 'HF2.1', rating: i % 4 }] });
    const coldRuns = Math.max(5, Math.floor(RUNS / 3));
    const cold: number[] = [];
    let lastCold!: ProfileDto;
    for (let i = 0; i < coldRuns; i++) {
      await write(i);
      const t = await time(1, () => service.send<ProfileDto>(AnalysisPatterns.profile, quarterIds[(i * 31) % quarterIds.length]));
      cold.push(t.median);
      lastCold = t.last;
    }
    cold.sort((x, y) => x - y);
    const coldStats = { median: cold[Math.floor(cold.length / 2)]!, p95: cold[Math.min(cold.length - 1, Math.floor(0.95 * cold.length))]!, max: cold[cold.length - 1]! };
    const distTimes: number[] = [];
    let lastDist!: ProgrammeDistributionDto;
    for (let i = 0; i < coldRuns; i++) {
      await write(i + 1000);
      const t = await time(1, () => service.send<ProgrammeDistributionDto>(AnalysisPatterns.programmeDistribution, { programmeId: PROGRAMME, catalogueVersionId: cv }));
      distTimes.push(t.median);
      lastDist = t.last;
    }
    distTimes.sort((x, y) => x - y);
    const dist = { median: distTimes[Math.floor(distTimes.length / 2)]!, p95: distTimes[Math.min(distTimes.length - 1, Math.floor(0.95 * distTimes.length))]!, max: distTimes[distTimes.length - 1]!, last: lastDist };
    void lastCold;

    const f = (n: number) => n.toFixed(1).padStart(7);
    const hf2 = profile.last.actionFields.find((x) => x.actionFieldId === 'HF2')!;
    console.log(`
GenQ analysis benchmark (${String(c.version).split(' ').slice(0, 2).join(' ')}, node ${process.version}, ${(await import('node:os')).cpus().length} CPUs)
data: ${c.analyses} quarters in one programme, ${c.values} indicator values (${catalogue.indicators.length} indicators x 2 reference dates), ${c.ratings} ratings (${catalogue.actionFields.reduce((s, a) => s + a.criteria.length, 0)} criteria)
size: indicator_values ${c.values_size}, criterion_ratings ${c.ratings_size}, quarter_analyses ${c.analyses_size}, quarter_figures ${c.figures_size} (${c.figures} rows), database ${c.db_size}; load ${(loadMs / 1000).toFixed(1)} s
                                                       median     p95     max   target
profile + programme comparison of one quarter (ms)  ${f(profile.median)} ${f(profile.p95)} ${f(profile.max)}    < 200
  the same, first one after a write in the programme ${f(coldStats.median)} ${f(coldStats.p95)} ${f(coldStats.max)}
programme distribution of all quarters, after a write ${f(dist.median)} ${f(dist.p95)} ${f(dist.max)}   < 1000
sample: HF2 mean ${hf2.mean}, programme median ${hf2.programme.median} (q1 ${hf2.programme.q1}, q3 ${hf2.programme.q3}, n=${hf2.programme.count}); distribution covers ${dist.last.quarters} quarters
`);
    await service.close();
  } finally {
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
