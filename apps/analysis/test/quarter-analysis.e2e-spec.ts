import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  AnalysisPatterns,
  EVENT_CONSUMERS,
  type DomainEvent,
  type AnalysisDto,
  type AuditRecordCommand,
  type FieldProblemInput,
  type IndicatorValueDto,
  type Page,
  type ProfileDto,
  type ProgrammeDistributionDto,
  type RatingDto,
  type WriteResult,
} from '@genq/contracts';
import { allCriteria, distribution, parseCatalogue } from '@genq/domain';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { OutboxEventRow, inboxHandler, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ParticipationIndicatorsFollower } from '../src/analyses/participation-indicators';
import { AnalysisModule } from '../src/app.module';

const catalogueSeedPath = resolve(__dirname, '../seed/catalogue-genq-default-1.0.0.json');
const catalogue = parseCatalogue(JSON.parse(readFileSync(catalogueSeedPath, 'utf8')));
const CV = 'genq-default@1.0.0';
const criteria = allCriteria(catalogue);

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('analysis-quarters');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('quarter analysis on %s', (label) => {
  let service: ServiceUnderTest;
  const programmeId = `prog-${label}`;
  const ensure = (quarterId: string, p = programmeId) =>
    service.send<AnalysisDto>(AnalysisPatterns.ensureAnalysis, { quarterId, programmeId: p, catalogueVersionId: CV });
  /** Rates every criterion of a quarter with `rate(index)`. */
  const rateAll = (quarterId: string, rate: (i: number) => number) =>
    service.send<WriteResult<RatingDto>>(AnalysisPatterns.upsertRatings, {
      quarterId,
      ratings: criteria.map((c, i) => ({ criterionId: c.id, rating: rate(i) })),
    });

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('analysis', AnalysisModule.forRoot, { database, catalogueSeedPath });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('creates one analysis per quarter pinning the catalogue version, and refuses an unknown version', async () => {
    const quarterId = randomUUID();
    const a = await ensure(quarterId);
    expect(a).toMatchObject({ quarterId, programmeId, catalogueVersionId: CV, status: 'draft', submittedAt: null });
    expect((await ensure(quarterId)).id).toBe(a.id);
    await expect(
      service.refusal(AnalysisPatterns.ensureAnalysis, { quarterId: randomUUID(), programmeId, catalogueVersionId: 'genq-default@9.9.9' }),
    ).resolves.toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ field: 'catalogueVersionId', code: 'catalogue_version.unknown', params: { id: 'genq-default@9.9.9' } }],
    });
    const unknownQuarter = randomUUID();
    await expect(service.refusal(AnalysisPatterns.getAnalysis, unknownQuarter)).resolves.toMatchObject({ status: 404, code: 'analysis.not_found', params: { quarterId: unknownQuarter } });
  });

  it('counts the participation figures of the actors service into the process indicators, replacing not adding, once per event', async () => {
    const quarterId = randomUUID(); // no analysis yet: counting creates it, pinned to the event's catalogue version
    const follower = service.app.get(ParticipationIndicatorsFollower);
    const apply = inboxHandler(service.app.get(DataSource), EVENT_CONSUMERS.analysisParticipation.durable, (em, e) => follower.apply(em, e));
    const figures = (n: number, years: Array<{ year: number; events: number; participants: number }>, networkPartners: number): DomainEvent => ({
      id: `participation:${quarterId}:${n}`,
      type: 'participation.figures_changed',
      version: 1,
      source: 'actors',
      quarterId,
      occurredAt: new Date().toISOString(),
      payload: { programmeId, catalogueVersionId: CV, years, networkPartners, asOf: '2026-06-01' },
    });
    await apply(figures(1, [{ year: 2026, events: 1, participants: 24 }], 1));
    await apply(figures(2, [{ year: 2025, events: 1, participants: 11 }, { year: 2026, events: 2, participants: 33 }], 2));
    await apply(figures(2, [{ year: 2026, events: 99, participants: 99 }], 99)); // the same event again: dropped
    expect(await service.send<{ catalogueVersionId: string }>(AnalysisPatterns.getAnalysis, quarterId)).toMatchObject({ catalogueVersionId: CV });
    const page = await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId, range: { start: 0, end: 99 } });
    expect(page.data.map((v) => [v.indicatorId, v.referenceDate, Number(v.value)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))).toEqual([
      ['network_partners', '2026-12-31', 2],
      ['participants_total', '2025-12-31', 11],
      ['participants_total', '2026-12-31', 33],
      ['participation_events', '2025-12-31', 1],
      ['participation_events', '2026-12-31', 2],
    ]);
  });

  it('stores indicator values and refuses unknown ids, wrong units, wrong kinds and impossible values by field', async () => {
    const quarterId = randomUUID();
    await ensure(quarterId);
    const ok = await service.send<WriteResult<IndicatorValueDto>>(AnalysisPatterns.upsertIndicatorValues, {
      quarterId,
      values: [
        { indicatorId: 'residents_total', referenceDate: '2025-12-31', value: 4200, source: 'Melderegister', kind: 'context', unit: 'Personen' },
        { indicatorId: 'vacancy_rate', referenceDate: '2025-12-31', value: 2.5 },
      ],
    });
    expect(ok).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const refusal = await service.refusal(AnalysisPatterns.upsertIndicatorValues, {
      quarterId,
      values: [
        { indicatorId: 'residents_total', referenceDate: '2025-12-31', value: 4300 },
        { indicatorId: 'unicorns', referenceDate: '2025-12-31', value: 1 },
        { indicatorId: 'residents_total', referenceDate: '2025-12-31', value: 4200, unit: '%' },
        { indicatorId: 'flats_barrier_free', referenceDate: '2025-12-31', value: 10, kind: 'context' },
        { indicatorId: 'vacancy_rate', referenceDate: '31.12.2025', value: 140 },
        { indicatorId: 'flats_total', referenceDate: '2025-12-31', value: 10.5 },
      ],
    });
    expect(refusal).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(refusal.errors).toEqual([
      { field: 'values.1.indicatorId', code: 'indicator.unknown', params: { indicatorId: 'unicorns' } },
      { field: 'values.2.unit', code: 'indicator.unit_mismatch', params: { indicatorId: 'residents_total', unit: 'Personen', given: '%' } },
      { field: 'values.3.kind', code: 'indicator.kind_mismatch', params: { indicatorId: 'flats_barrier_free', kind: 'output', given: 'context' } },
      { field: 'values.4.referenceDate', code: 'validation.isDateString' },
      { field: 'values.4.value', code: 'indicator_value.percent_range' },
      { field: 'values.5.value', code: 'indicator_value.whole_number', params: { unit: 'Wohnungen' } },
    ]);
    // The same indicator and date twice in one request: the second is flagged.
    const twice = await service.refusal(AnalysisPatterns.upsertIndicatorValues, {
      quarterId,
      values: [
        { indicatorId: 'flats_total', referenceDate: '2025-12-31', value: 10 },
        { indicatorId: 'flats_total', referenceDate: '2025-12-31', value: 11 },
      ],
    });
    expect(twice.errors).toEqual([
      { field: 'values.1.indicatorId', code: 'indicator_value.duplicate', params: { indicatorId: 'flats_total', referenceDate: '2025-12-31' } },
    ]);
    // Nothing of the refused request was written, not even its valid first value.
    const page = await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId });
    expect(page.total).toBe(2);
    expect(page.data.find((v) => v.indicatorId === 'residents_total')).toMatchObject({ value: 4200, source: 'Melderegister', kind: 'context', unit: 'Personen' });
  });

  it('generates the import template from the catalogue and imports a filled-in file idempotently', async () => {
    const template = await service.send<string>(AnalysisPatterns.indicatorTemplate, CV);
    const lines = template.trim().split('\r\n');
    expect(lines[0]).toBe('indicatorId;group;name;unit;kind;referenceDate;value;source');
    expect(lines).toHaveLength(catalogue.indicators.length + 1);

    const quarterId = randomUUID();
    await ensure(quarterId);
    // Fill three rows the way a spreadsheet user would: German date and decimal comma.
    const filled: Record<string, [string, string]> = {
      residents_total: ['31.12.2025', '4.200'],
      households_single_share: ['2025-12-31', '41,5'],
      flats_total: ['2025-12-31', '1800'],
    };
    const csv = lines
      .map((line) => {
        const cells = line.split(';');
        const f = filled[cells[0]!];
        if (f) [cells[5], cells[6], cells[7]] = [f[0], f[1], 'Statistikstelle'];
        return cells.join(';');
      })
      .join('\r\n');
    const first = await service.send<WriteResult<IndicatorValueDto> & { rows: number }>(AnalysisPatterns.importIndicatorValues, { quarterId, csv });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, warnings: [] });
    const again = await service.send<WriteResult<IndicatorValueDto>>(AnalysisPatterns.importIndicatorValues, { quarterId, csv });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, before: [], after: [] });
    const page = await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId });
    expect(page.data.map((v) => [v.indicatorId, v.referenceDate, v.value])).toEqual([
      ['flats_total', '2025-12-31', 1800],
      ['households_single_share', '2025-12-31', 41.5],
      ['residents_total', '2025-12-31', 4200],
    ]);
  });

  it('imports a source that a spreadsheet would run as a formula as typed, and warns about it (CSV injection)', async () => {
    const quarterId = randomUUID();
    await ensure(quarterId);
    const csv = [
      'indicatorId;group;name;unit;kind;referenceDate;value;source',
      'residents_total;;;;;2025-12-31;4200;=HYPERLINK("http://evil.example","Quelle")',
      'flats_total;;;;;2025-12-31;1800;Statistikstelle',
      'households_single_share;;;;;2025-12-31;41,5;@SUM(A1)',
    ].join('\r\n');
    const result = await service.send<WriteResult<IndicatorValueDto> & { rows: number; warnings: unknown[] }>(AnalysisPatterns.importIndicatorValues, { quarterId, csv });
    expect(result).toMatchObject({ rows: 3, created: 3 });
    expect(result.warnings).toEqual([
      { field: 'rows.2.source', code: 'spreadsheet.formula_cell' },
      { field: 'rows.4.source', code: 'spreadsheet.formula_cell' },
    ]);
    const page = await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId });
    expect(page.data.find((v) => v.indicatorId === 'residents_total')?.source).toBe('=HYPERLINK("http://evil.example","Quelle")');
  });

  it('imports the Excel template filled in, with numbers and dates as Excel stores them, idempotently', async () => {
    const base64 = await service.send<string>(AnalysisPatterns.indicatorWorkbookTemplate, CV);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'indicatorId', 'group', 'name', 'unit', 'kind', 'referenceDate', 'value', 'source']);
    expect(ws.rowCount).toBe(catalogue.indicators.length + 1);
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'flats_price_bound') {
        row.getCell(6).value = new Date(Date.UTC(2025, 11, 31));
        row.getCell(7).value = 312;
        row.getCell(8).value = 'Förderdatenbank';
      }
      if (row.getCell(1).value === 'vacancy_rate') {
        row.getCell(6).value = '2025-12-31';
        row.getCell(7).value = 2.75;
      }
      void n;
    });
    const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const quarterId = randomUUID();
    await ensure(quarterId);
    const first = await service.send<WriteResult<IndicatorValueDto> & { rows: number }>(AnalysisPatterns.importIndicatorWorkbook, { quarterId, xlsxBase64 });
    expect(first).toMatchObject({ rows: 2, created: 2 });
    const again = await service.send<WriteResult<IndicatorValueDto>>(AnalysisPatterns.importIndicatorWorkbook, { quarterId, xlsxBase64 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const page = await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId });
    expect(page.data.map((v) => [v.indicatorId, v.referenceDate, v.value, v.source])).toEqual([
      ['flats_price_bound', '2025-12-31', 312, 'Förderdatenbank'],
      ['vacancy_rate', '2025-12-31', 2.75, null],
    ]);
    await expect(service.refusal(AnalysisPatterns.importIndicatorWorkbook, { quarterId, xlsxBase64: Buffer.from('kein Excel').toString('base64') })).resolves.toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ field: 'xlsx', code: 'import.not_xlsx' }],
    });
  });

  it('refuses a file with any invalid row, reporting row and column, and writes nothing', async () => {
    const quarterId = randomUUID();
    await ensure(quarterId);
    const csv = [
      'indicatorId,referenceDate,value,source,kind,unit',
      'residents_total,2025-12-31,4200,Melderegister,,',
      'flats_total,2025-12-31,abc,,,',
      'flats_price_bound,2025-13-01,12,,,',
      'residents_total,2025-12-31,4300,,,',
      'vacancy_rate,2025-12-31,3,,output,',
    ].join('\n');
    const refusal = await service.refusal(AnalysisPatterns.importIndicatorValues, { quarterId, csv });
    expect(refusal).toMatchObject({ status: 400, code: 'import.rows_invalid', params: { count: 4 } });
    expect(refusal.errors).toEqual([
      { field: 'rows.3.value', code: 'validation.isNumber' },
      { field: 'rows.4.referenceDate', code: 'validation.isDateString' },
      { field: 'rows.5.indicatorId', code: 'indicator_value.duplicate_row', params: { indicatorId: 'residents_total', referenceDate: '2025-12-31', row: 2 } },
      { field: 'rows.6.kind', code: 'indicator.kind_mismatch', params: { indicatorId: 'vacancy_rate', kind: 'context', given: 'output' } },
    ]);
    expect((await service.send<Page<IndicatorValueDto>>(AnalysisPatterns.listIndicatorValues, { quarterId })).total).toBe(0);
    await expect(service.refusal(AnalysisPatterns.importIndicatorValues, { quarterId, csv: 'a;b\n1;2' })).resolves.toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ field: 'csv', code: 'import.columns_missing', params: { columns: 'indicatorId, referenceDate, value' } }],
    });
  });

  it('rates criteria on the catalogue scale with evidence and target groups, refusing what the catalogue does not know', async () => {
    const quarterId = randomUUID();
    await ensure(quarterId);
    const written = await service.send<WriteResult<RatingDto>>(AnalysisPatterns.upsertRatings, {
      quarterId,
      ratings: [{ criterionId: 'HF1.1', rating: 3, evidence: 'Lenkungsgruppe tagt quartalsweise', targetGroups: ['Kinder', 'Säuglinge und Kleinkinder'] }],
    });
    expect(written.after[0]).toMatchObject({ criterionId: 'HF1.1', actionFieldId: 'HF1', rating: 3, targetGroups: ['Säuglinge und Kleinkinder', 'Kinder'] });
    const refusal = await service.refusal(AnalysisPatterns.upsertRatings, {
      quarterId,
      ratings: [
        { criterionId: 'HF9.9', rating: 1 },
        { criterionId: 'HF1.2', rating: 4 },
        { criterionId: 'HF1.3', rating: 2, targetGroups: ['Drachen'] },
      ],
    });
    expect(refusal).toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [
        { field: 'ratings.0.criterionId', code: 'criterion.unknown', params: { criterionId: 'HF9.9' } },
        { field: 'ratings.1.rating', code: 'rating.off_scale', params: { scale: expect.stringMatching(/^0 \(nicht vorhanden\), 1 /) } },
        { field: 'ratings.2.targetGroups', code: 'target_group.unknown', params: { groups: 'Drachen' } },
      ],
    });
    const page = await service.send<Page<RatingDto>>(AnalysisPatterns.listRatings, { quarterId });
    expect(page.total).toBe(1);
  });

  it('profiles strengths and weaknesses, derives shares and compares the quarter with its programme only', async () => {
    const programme = `cmp-${label}`;
    const quarters = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [n, q] of quarters.entries()) {
      await ensure(q, programme);
      await rateAll(q, (i) => (i + n) % 4);
      await service.send(AnalysisPatterns.upsertIndicatorValues, {
        quarterId: q,
        values: [
          { indicatorId: 'flats_total', referenceDate: '2024-12-31', value: 999 },
          { indicatorId: 'flats_total', referenceDate: '2025-12-31', value: 1000 },
          { indicatorId: 'flats_barrier_free', referenceDate: '2025-12-31', value: 100 * (n + 1) },
          { indicatorId: 'flats_low_barrier', referenceDate: '2025-12-31', value: 50 },
          { indicatorId: 'flats_price_bound', referenceDate: '2025-12-31', value: 250 },
          { indicatorId: 'residents_total', referenceDate: '2025-12-31', value: 2000 },
          { indicatorId: 'residents_age_65_79', referenceDate: '2025-12-31', value: 300 },
          { indicatorId: 'residents_age_80plus', referenceDate: '2025-12-31', value: 100 },
        ],
      });
    }
    // A quarter of another programme must not move the comparison.
    const outsider = randomUUID();
    await ensure(outsider, `other-${label}`);
    await rateAll(outsider, () => 3);

    const profile = await service.send<ProfileDto>(AnalysisPatterns.profile, quarters[0]);
    const hf1 = profile.actionFields.find((f) => f.actionFieldId === 'HF1')!;
    const hf1Criteria = catalogue.actionFields[0]!.criteria;
    const ratingsOf = (n: number) => hf1Criteria.map((c) => (criteria.findIndex((x) => x.id === c.id) + n) % 4);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(hf1.mean).toBeCloseTo(mean(ratingsOf(0)), 3);
    expect(hf1.strengths).toEqual(hf1Criteria.filter((_, i) => ratingsOf(0)[i]! >= 2.5).map((c) => c.id));
    expect(hf1.weaknesses).toEqual(hf1Criteria.filter((_, i) => ratingsOf(0)[i]! <= 1.5).map((c) => c.id));
    const expected = distribution([0, 1, 2, 3].map((n) => Math.round(mean(ratingsOf(n)) * 10_000) / 10_000));
    expect(hf1.programme).toEqual(expected);
    expect(profile.unrated).toEqual([]);
    expect(profile.derived).toMatchObject({
      referenceDate: '2025-12-31',
      barrierFreeFlatsShare: 10,
      lowBarrierFlatsShare: 5,
      barrierReducedFlatsShare: 15,
      priceBoundFlatsShare: 25,
      residents65PlusShare: 20,
      residents80PlusShare: 5,
    });
    const barrierFree = profile.indicators.find((i) => i.id === 'flats_barrier_free')!;
    expect(barrierFree).toEqual({ id: 'flats_barrier_free', value: 100, programme: distribution([100, 200, 300, 400]), quartile: 1 });
    // The latest reference date counts, not the earlier 999.
    expect(profile.indicators.find((i) => i.id === 'flats_total')!.programme).toMatchObject({ count: 4, min: 1000, max: 1000 });

    const all = await service.send<ProgrammeDistributionDto>(AnalysisPatterns.programmeDistribution, { programmeId: programme, catalogueVersionId: CV });
    expect(all.quarters).toBe(4);
    expect(all.actionFields.HF1).toEqual(expected);

    // A write in another quarter of the programme moves the comparison at once (no stale cache).
    await service.send(AnalysisPatterns.upsertIndicatorValues, {
      quarterId: quarters[3],
      values: [{ indicatorId: 'flats_barrier_free', referenceDate: '2026-06-30', value: 900 }],
    });
    const after = await service.send<ProfileDto>(AnalysisPatterns.profile, quarters[0]);
    expect(after.indicators.find((i) => i.id === 'flats_barrier_free')!.programme).toEqual(distribution([100, 200, 300, 900]));
    expect(all.quarterMeans.map((q) => q.quarterId).sort()).toEqual([...quarters].sort());
  });

  it('submits the analysis only when every criterion is rated; a repeat changes nothing', async () => {
    const quarterId = randomUUID();
    await ensure(quarterId);
    await service.send(AnalysisPatterns.upsertRatings, { quarterId, ratings: [{ criterionId: 'HF1.1', rating: 2 }] });
    const refusal = await service.refusal(AnalysisPatterns.submitAnalysis, quarterId);
    expect(refusal).toMatchObject({ status: 400, code: 'analysis.ratings_missing', params: { count: criteria.length - 1 } });
    const unrated = refusal.errors as FieldProblemInput[];
    expect(unrated).toHaveLength(criteria.length - 1);
    expect(unrated[0]).toEqual({ field: `ratings.${criteria[1]!.id}`, code: 'criterion.not_rated', params: { criterionId: criteria[1]!.id, name: criteria[1]!.name } });
    await expect(service.refusal(AnalysisPatterns.recordPriorities, { quarterId, priorities: ['HF2'] })).resolves.toMatchObject({ status: 409, code: 'analysis.not_submitted' });

    await rateAll(quarterId, () => 1);
    // As the gateway sends it: { quarterId } with the request's audit context.
    const meta = { actor: { userId: randomUUID(), email: 'facilitator@genq.example', role: 'facilitator' }, requestId: 'req-submit', programmeId: 'genq-nrw-2026', quarterId };
    const submitted = await service.send<{ analysis: AnalysisDto; changed: boolean }>(AnalysisPatterns.submitAnalysis, { quarterId, _meta: meta });
    expect(submitted.changed).toBe(true);
    expect(submitted.analysis).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    const repeat = await service.send<{ analysis: AnalysisDto; changed: boolean }>(AnalysisPatterns.submitAnalysis, quarterId);
    expect(repeat).toEqual({ analysis: submitted.analysis, changed: false });
    // Each write's audit entry went into the outbox with it; the refused submission above recorded none.
    const audits = (await service.app.get(DataSource).getRepository(OutboxEventRow).find({ where: { quarterId, type: 'audit.recorded' }, order: { seq: 'ASC' } })).map(
      (e) => e.payload as AuditRecordCommand,
    );
    expect(audits.map((e) => [e.action, e.reason, e.requestId])).toEqual([
      ['analysis.ratings.update', null, null],
      ['analysis.ratings.update', null, null],
      ['analysis.submit', null, 'req-submit'],
      ['analysis.submit', 'submitted before', null],
    ]);
    expect(audits[2]).toMatchObject({ actor: meta.actor, resourceType: 'analysis', before: { status: 'draft' }, after: { analysis: { status: 'submitted' } } });

    const prio = await service.send<{ analysis: AnalysisDto; changed: boolean }>(AnalysisPatterns.recordPriorities, { quarterId, priorities: ['HF2', 'HF3.1'] });
    expect(prio.analysis.priorities).toEqual(['HF2', 'HF3.1']);
    await expect(service.refusal(AnalysisPatterns.recordPriorities, { quarterId, priorities: ['HF7'] })).resolves.toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ field: 'priorities.0', code: 'priority.unknown', params: { id: 'HF7' } }],
    });
  });
});
