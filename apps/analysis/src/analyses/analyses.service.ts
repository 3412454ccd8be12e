import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { allCriteria, profileFor, type Catalogue, type Indicator } from '@genq/domain';
import { PARTICIPATION_INDICATORS, PARTICIPATION_INDICATOR_SOURCE, startsLikeFormula, type ImportResult } from '@genq/contracts';
import type {
  AnalysisDto,
  DerivedFigures,
  DomainEventPayloads,
  IndicatorValueInput,
  EnsureAnalysisCommand,
  FieldProblemInput,
  ImportIndicatorValuesCommand,
  ImportIndicatorWorkbookCommand,
  IndicatorValueDto,
  Page,
  ProfileDto,
  ProgrammeDistributionDto,
  ProgrammeDistributionQuery,
  QuarterListQuery,
  RatingDto,
  RecordPrioritiesCommand,
  UpsertIndicatorValuesCommand,
  UpsertRatingsCommand,
  WriteResult,
} from '@genq/contracts';
import { PoisonEventError, invalidFields, isUniqueViolation, pageOf, problem, recordAudit, recordEvent } from '@genq/service-kit';
import { CataloguesService } from '../catalogues/catalogues.service';
import { ComparisonService } from './comparison.service';
import { indicatorTemplate, parseCsv, parseDate, parseNumber } from './csv';
import { indicatorWorkbook, readWorkbookRows } from './xlsx';
import { analysisDto, indicatorValueDto, ratingDto } from './dto-mapping';
import { CriterionRating } from './entities/criterion-rating.entity';
import { IndicatorValue } from './entities/indicator-value.entity';
import { QuarterAnalysis } from './entities/quarter-analysis.entity';
import { checkIndicatorValue, checkRating, under, type CheckedIndicatorValue, type CheckedRating, type FieldMessages } from './validation';

/** Most rows one request or file may carry: a quarter has a few dozen indicators per date. */
const MAX_ROWS = 5_000;

@Injectable()
export class AnalysesService {
  /** Catalogue versions are immutable, so parsed documents are kept. */
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(QuarterAnalysis) private readonly analyses: Repository<QuarterAnalysis>,
    @InjectRepository(IndicatorValue) private readonly values: Repository<IndicatorValue>,
    @InjectRepository(CriterionRating) private readonly ratings: Repository<CriterionRating>,
    private readonly catalogueVersions: CataloguesService,
    private readonly comparison: ComparisonService,
  ) {}

  private async catalogue(versionId: string): Promise<Catalogue> {
    let c = this.catalogues.get(versionId);
    if (!c) {
      c = await this.catalogueVersions.get(versionId);
      this.catalogues.set(versionId, c);
    }
    return c;
  }

  // ---- the analysis of a quarter ---------------------------------------------------

  /** Creates the quarter's analysis on first use, pinning the catalogue version; later calls return it unchanged. */
  async ensure(cmd: EnsureAnalysisCommand): Promise<AnalysisDto> {
    const existing = await this.analyses.findOneBy({ quarterId: cmd.quarterId });
    if (existing) return analysisDto(existing);
    try {
      await this.catalogue(cmd.catalogueVersionId);
    } catch {
      throw invalidFields({ field: 'catalogueVersionId', code: 'catalogue_version.unknown', params: { id: String(cmd.catalogueVersionId) } });
    }
    try {
      await this.analyses.insert(newAnalysis(cmd));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a concurrent first request created it
    }
    return analysisDto(await this.analyses.findOneByOrFail({ quarterId: cmd.quarterId }));
  }

  private async analysisOf(quarterId: string): Promise<QuarterAnalysis> {
    const a = await this.analyses.findOneBy({ quarterId });
    if (!a) throw problem('analysis.not_found', { quarterId });
    return a;
  }

  async get(quarterId: string): Promise<AnalysisDto> {
    return analysisDto(await this.analysisOf(quarterId));
  }

  /** Submits the analysis once every criterion is rated; a repeat changes nothing. */
  async submit(quarterId: string): Promise<{ analysis: AnalysisDto; changed: boolean }> {
    const a = await this.analysisOf(quarterId);
    const before = analysisDto(a);
    const audit = (em: EntityManager, analysis: AnalysisDto, changed: boolean) =>
      recordAudit(em, 'analysis', { action: 'analysis.submit', resourceType: 'analysis', resourceId: a.id, quarterId, reason: changed ? null : 'submitted before', before, after: { analysis } });
    // A repeat changes nothing, but who sent it is recorded all the same.
    if (a.status === 'submitted') {
      return this.analyses.manager.transaction(async (em) => {
        await audit(em, before, false);
        return { analysis: before, changed: false };
      });
    }
    const catalogue = await this.catalogue(a.catalogueVersionId);
    const rated = new Set((await this.ratings.find({ where: { quarterId }, select: { criterionId: true } })).map((r) => r.criterionId));
    const unrated = allCriteria(catalogue).filter((c) => !rated.has(c.id));
    if (unrated.length > 0) {
      throw problem(
        'analysis.ratings_missing',
        { count: unrated.length },
        unrated.map((c) => ({ field: `ratings.${c.id}`, code: 'criterion.not_rated', params: { criterionId: c.id, name: c.name } })),
      );
    }
    a.status = 'submitted';
    a.submittedAt = new Date();
    return this.analyses.manager.transaction(async (em) => {
      const saved = analysisDto(await em.save(a));
      await recordEvent(em, 'analysis', { id: `analysis:${a.id}:submitted`, type: 'analysis.submitted', quarterId, occurredAt: a.submittedAt!, payload: { analysisId: a.id } });
      await audit(em, saved, true);
      return { analysis: saved, changed: true };
    });
  }

  /** The strategy workshop's priorities: criteria or action fields of the pinned catalogue. */
  async recordPriorities(cmd: RecordPrioritiesCommand): Promise<{ before: AnalysisDto; analysis: AnalysisDto; changed: boolean }> {
    const a = await this.analysisOf(cmd.quarterId);
    const before = analysisDto(a);
    if (a.status !== 'submitted') throw problem('analysis.not_submitted');
    const catalogue = await this.catalogue(a.catalogueVersionId);
    const known = new Set([...catalogue.actionFields.map((f) => f.id), ...allCriteria(catalogue).map((c) => c.id)]);
    const list = Array.isArray(cmd.priorities) ? cmd.priorities : [];
    const errors: FieldProblemInput[] = [];
    if (list.length === 0) errors.push({ field: 'priorities', code: 'validation.arrayNotEmpty' });
    list.forEach((p, i) => {
      if (typeof p !== 'string' || !known.has(p)) errors.push({ field: `priorities.${i}`, code: 'priority.unknown', params: { id: String(p) } });
    });
    if (errors.length > 0) throw invalidFields(...errors);
    const priorities = [...new Set(list)];
    const audit = (em: EntityManager, analysis: AnalysisDto, changed: boolean) =>
      recordAudit(em, 'analysis', {
        action: 'analysis.priorities',
        resourceType: 'analysis',
        resourceId: a.id,
        quarterId: cmd.quarterId,
        reason: changed ? null : 'the same priorities were recorded before',
        before,
        after: { analysis },
      });
    if (JSON.stringify(a.priorities) === JSON.stringify(priorities)) {
      return this.analyses.manager.transaction(async (em) => {
        await audit(em, before, false);
        return { before, analysis: before, changed: false };
      });
    }
    a.priorities = priorities;
    a.prioritiesRecordedAt = new Date();
    return this.analyses.manager.transaction(async (em) => {
      const saved = await em.save(a);
      await audit(em, analysisDto(saved), true);
      await recordEvent(em, 'analysis', {
        id: `analysis:${a.id}:priorities:${a.prioritiesRecordedAt!.getTime()}`,
        type: 'analysis.priorities_recorded',
        quarterId: cmd.quarterId,
        occurredAt: a.prioritiesRecordedAt!,
        payload: { analysisId: a.id, priorities },
      });
      return { before, analysis: analysisDto(saved), changed: true };
    });
  }

  // ---- indicator values ------------------------------------------------------------

  async listIndicatorValues(query: QuarterListQuery): Promise<Page<IndicatorValueDto>> {
    await this.analysisOf(query.quarterId);
    const qb = this.values.createQueryBuilder('v').where('v.quarterId = :quarterId', { quarterId: query.quarterId });
    const page = await pageOf(qb, { ...query, range: query.range ?? { start: 0, end: 499 } }, {
      sortable: ['indicatorId', 'referenceDate', 'kind', 'value', 'updatedAt'],
      filterable: ['indicatorId', 'referenceDate', 'kind'],
      searchable: ['indicatorId', 'source'],
      defaultSort: { field: 'indicatorId', order: 'ASC' },
    });
    return { data: page.data.map(indicatorValueDto), total: page.total };
  }

  async upsertIndicatorValues(cmd: UpsertIndicatorValuesCommand): Promise<WriteResult<IndicatorValueDto>> {
    const a = await this.analysisOf(cmd.quarterId);
    const catalogue = await this.catalogue(a.catalogueVersionId);
    if (!Array.isArray(cmd.values) || cmd.values.length === 0) throw invalidFields({ field: 'values', code: 'validation.arrayNotEmpty' });
    if (cmd.values.length > MAX_ROWS) throw invalidFields({ field: 'values', code: 'validation.arrayMaxSize', params: { max: MAX_ROWS } });
    const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
    const errors: FieldProblemInput[] = [];
    const checked = checkAll(cmd.values.map((v) => checkIndicatorValue(v, indicators)), 'values', errors, (c) => `${c.indicator.id}@${c.referenceDate}`, (c) => ({
      field: 'indicatorId',
      code: 'indicator_value.duplicate',
      params: { indicatorId: c.indicator.id, referenceDate: c.referenceDate },
    }));
    if (errors.length > 0) throw invalidFields(...errors);
    return this.writeValues(a, checked, 'analysis.indicators.update');
  }

  /**
   * Imports a CSV file made from the template. Every row is checked first and errors are
   * reported by row (line number in the file) and column; nothing is written when any row is
   * invalid. Rows left empty (template rows without a value) are skipped; the same file
   * imported again changes nothing.
   */
  async importIndicatorValues(cmd: ImportIndicatorValuesCommand): Promise<ImportResult<IndicatorValueDto>> {
    const a = await this.analysisOf(cmd.quarterId);
    if (typeof cmd.csv !== 'string' || cmd.csv.trim() === '') throw invalidFields({ field: 'csv', code: 'import.file_empty' });
    const { delimiter, rows } = parseCsv(cmd.csv);
    return this.importRows(a, rows, delimiter === ';' ? 'german' : 'plain', 'csv');
  }

  /** The same import from an Excel workbook (first worksheet), sent base64-encoded. */
  async importIndicatorWorkbook(cmd: ImportIndicatorWorkbookCommand): Promise<ImportResult<IndicatorValueDto>> {
    const a = await this.analysisOf(cmd.quarterId);
    let rows: string[][];
    try {
      rows = await readWorkbookRows(Buffer.from(String(cmd.xlsxBase64 ?? ''), 'base64'));
    } catch {
      throw invalidFields({ field: 'xlsx', code: 'import.not_xlsx' });
    }
    return this.importRows(a, rows, 'german', 'xlsx');
  }

  private async importRows(
    a: QuarterAnalysis,
    rows: string[][],
    numbers: 'german' | 'plain',
    file: 'csv' | 'xlsx',
  ): Promise<ImportResult<IndicatorValueDto>> {
    const catalogue = await this.catalogue(a.catalogueVersionId);
    const header = (rows[0] ?? []).map((h) => h.trim());
    const missing = ['indicatorId', 'referenceDate', 'value'].filter((c) => !header.includes(c));
    if (missing.length > 0) throw invalidFields({ field: file, code: 'import.columns_missing', params: { columns: missing.join(', ') } });
    if (rows.length - 1 > MAX_ROWS) throw invalidFields({ field: file, code: 'import.too_many_rows', params: { max: MAX_ROWS } });
    const col = (row: string[], name: string): string => {
      const i = header.indexOf(name);
      return i < 0 ? '' : (row[i] ?? '').trim();
    };
    const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
    const results: Array<{ line: number; result: ReturnType<typeof checkIndicatorValue> }> = [];
    // The source is stored as typed; a text a spreadsheet would run (CSV injection) is named, and every export defuses it.
    const warnings: ImportResult<IndicatorValueDto>['warnings'] = [];
    rows.slice(1).forEach((row, i) => {
      const line = i + 2;
      const [date, value, source] = [col(row, 'referenceDate'), col(row, 'value'), col(row, 'source')];
      if (row.every((c) => c.trim() === '') || (date === '' && value === '' && source === '')) return;
      const input = {
        indicatorId: col(row, 'indicatorId'),
        referenceDate: parseDate(date),
        value: parseNumber(value, numbers === 'german' ? ';' : ','),
        source: source || null,
        kind: col(row, 'kind') || undefined,
        unit: col(row, 'unit') || undefined,
      };
      if (startsLikeFormula(source)) warnings.push({ field: `rows.${line}.source`, code: 'spreadsheet.formula_cell' });
      const result = checkIndicatorValue(input, indicators);
      if ('errors' in result && value === '') result.errors = [...result.errors.filter((e) => e.field !== 'value'), { field: 'value', code: 'validation.required' }];
      results.push({ line, result });
    });
    const errors: FieldProblemInput[] = [];
    const invalidRows = new Set<number>();
    const checked: CheckedIndicatorValue[] = [];
    const seen = new Map<string, number>();
    for (const { line, result } of results) {
      if ('errors' in result) {
        errors.push(...under(`rows.${line}`, result.errors));
        invalidRows.add(line);
        continue;
      }
      const key = `${result.ok.indicator.id}@${result.ok.referenceDate}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const params = { indicatorId: result.ok.indicator.id, referenceDate: result.ok.referenceDate, row: first };
        errors.push({ field: `rows.${line}.indicatorId`, code: 'indicator_value.duplicate_row', params });
        invalidRows.add(line);
      } else {
        seen.set(key, line);
        checked.push(result.ok);
      }
    }
    if (errors.length > 0) throw problem('import.rows_invalid', { count: invalidRows.size }, errors);
    if (checked.length === 0) throw invalidFields({ field: file, code: 'import.no_values' });
    return { rows: checked.length, ...(await this.writeValues(a, checked, 'analysis.indicators.import')), warnings };
  }

  /** The import template as an Excel workbook, base64-encoded for the wire. */
  async workbookTemplate(catalogueVersionId: string): Promise<string> {
    return (await indicatorWorkbook(await this.catalogue(catalogueVersionId))).toString('base64');
  }

  template(catalogueVersionId: string): Promise<string> {
    return this.catalogue(catalogueVersionId).then(indicatorTemplate);
  }

  /**
   * Upserts by quarter + indicator + reference date in one transaction; unchanged values are
   * not touched. The write is audited in the same transaction, with its counts even when it
   * changed nothing (a repeated import): who sent what.
   */
  private async writeValues(a: QuarterAnalysis, checked: CheckedIndicatorValue[], action: string): Promise<WriteResult<IndicatorValueDto>> {
    return this.dataSource.transaction(async (em: EntityManager) => {
      const result = await this.writeValuesWith(em, a, checked);
      await auditWrite(em, action, 'indicator_values', a.quarterId, result);
      return result;
    });
  }

  /**
   * Counts the quarter's participation into the process indicators of the catalogue
   * (participation_events and participants_total per calendar year at its Stichtag 31 December,
   * network_partners now), inside the caller's transaction. The figures are complete each
   * time, so writing them again changes nothing. A quarter without an analysis gets one,
   * pinned to the programme's catalogue version the event names.
   */
  async countParticipation(em: EntityManager, quarterId: string, p: DomainEventPayloads['participation.figures_changed']): Promise<WriteResult<IndicatorValueDto>> {
    const analyses = em.getRepository(QuarterAnalysis);
    let a = await analyses.findOneBy({ quarterId });
    if (!a) {
      await this.catalogue(p.catalogueVersionId).catch(() => {
        throw new PoisonEventError(`unknown catalogue version "${p.catalogueVersionId}"`);
      });
      a = analyses.create(newAnalysis({ quarterId, programmeId: p.programmeId, catalogueVersionId: p.catalogueVersionId }));
      await analyses.insert(a);
    }
    const catalogue = await this.catalogue(a.catalogueVersionId);
    const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
    const source = PARTICIPATION_INDICATOR_SOURCE;
    const values: IndicatorValueInput[] = [
      ...p.years.flatMap(({ year, events, participants }) => [
        { indicatorId: PARTICIPATION_INDICATORS.events, referenceDate: `${year}-12-31`, value: events, source },
        { indicatorId: PARTICIPATION_INDICATORS.participants, referenceDate: `${year}-12-31`, value: participants, source },
      ]),
      { indicatorId: PARTICIPATION_INDICATORS.networkPartners, referenceDate: `${p.asOf.slice(0, 4)}-12-31`, value: p.networkPartners, source },
    ].filter((v) => indicators.has(v.indicatorId)); // a catalogue without these indicators counts nothing
    const errors: FieldProblemInput[] = [];
    const checked = checkAll(values.map((v) => checkIndicatorValue(v, indicators)), 'values', errors, (c) => `${c.indicator.id}@${c.referenceDate}`, (c) => ({
      field: 'indicatorId',
      code: 'indicator_value.duplicate',
      params: { indicatorId: c.indicator.id, referenceDate: c.referenceDate },
    }));
    if (errors.length > 0) throw new PoisonEventError(`participation figures do not fit the catalogue: ${JSON.stringify(errors)}`);
    return this.writeValuesWith(em, a, checked);
  }

  private async writeValuesWith(em: EntityManager, a: QuarterAnalysis, checked: CheckedIndicatorValue[]): Promise<WriteResult<IndicatorValueDto>> {
    const repo = em.getRepository(IndicatorValue);
    const existing = new Map<string, IndicatorValue>();
    const ids = [...new Set(checked.map((c) => c.indicator.id))];
    for (let i = 0; i < ids.length; i += 500) {
      for (const v of await repo.find({ where: { quarterId: a.quarterId, indicatorId: In(ids.slice(i, i + 500)) } })) {
        existing.set(`${v.indicatorId}@${v.referenceDate}`, v);
      }
    }
    const result: WriteResult<IndicatorValueDto> = { created: 0, updated: 0, unchanged: 0, before: [], after: [] };
    const toSave: IndicatorValue[] = [];
    for (const c of checked) {
      const old = existing.get(`${c.indicator.id}@${c.referenceDate}`);
      if (old && Number(old.value) === c.value && old.source === c.source && old.kind === c.indicator.kind && old.unit === c.indicator.unit) {
        result.unchanged++;
        continue;
      }
      if (old) {
        result.before.push(indicatorValueDto(old));
        result.updated++;
      } else result.created++;
      toSave.push(
        repo.create({
          id: old?.id ?? randomUUID(),
          quarterId: a.quarterId,
          programmeId: a.programmeId,
          catalogueVersionId: a.catalogueVersionId,
          indicatorId: c.indicator.id,
          referenceDate: c.referenceDate,
          value: c.value,
          source: c.source,
          kind: c.indicator.kind,
          unit: c.indicator.unit,
        }),
      );
    }
    if (toSave.length > 0) {
      const saved = await repo.save(toSave, { chunk: 200 });
      result.after = saved.map(indicatorValueDto);
      await this.comparison.refreshFigures(em, a, ['indicator']);
    }
    return result;
  }

  // ---- self-assessment ---------------------------------------------------------------

  async listRatings(query: QuarterListQuery): Promise<Page<RatingDto>> {
    await this.analysisOf(query.quarterId);
    const qb = this.ratings.createQueryBuilder('r').where('r.quarterId = :quarterId', { quarterId: query.quarterId });
    const page = await pageOf(qb, { ...query, range: query.range ?? { start: 0, end: 499 } }, {
      sortable: ['criterionId', 'actionFieldId', 'rating', 'updatedAt'],
      filterable: ['criterionId', 'actionFieldId', 'rating'],
      searchable: ['criterionId', 'evidence'],
      defaultSort: { field: 'criterionId', order: 'ASC' },
    });
    return { data: page.data.map(ratingDto), total: page.total };
  }

  async upsertRatings(cmd: UpsertRatingsCommand): Promise<WriteResult<RatingDto>> {
    const a = await this.analysisOf(cmd.quarterId);
    const catalogue = await this.catalogue(a.catalogueVersionId);
    if (!Array.isArray(cmd.ratings) || cmd.ratings.length === 0) throw invalidFields({ field: 'ratings', code: 'validation.arrayNotEmpty' });
    if (cmd.ratings.length > MAX_ROWS) throw invalidFields({ field: 'ratings', code: 'validation.arrayMaxSize', params: { max: MAX_ROWS } });
    const errors: FieldProblemInput[] = [];
    const checked = checkAll(cmd.ratings.map((r) => checkRating(r, catalogue)), 'ratings', errors, (c) => c.criterionId, (c) => ({
      field: 'criterionId',
      code: 'rating.duplicate',
      params: { criterionId: c.criterionId },
    }));
    if (errors.length > 0) throw invalidFields(...errors);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(CriterionRating);
      const existing = new Map((await repo.findBy({ quarterId: a.quarterId })).map((r) => [r.criterionId, r]));
      const result: WriteResult<RatingDto> = { created: 0, updated: 0, unchanged: 0, before: [], after: [] };
      const toSave: CriterionRating[] = [];
      for (const c of checked) {
        const old = existing.get(c.criterionId);
        if (old && sameRating(old, c)) {
          result.unchanged++;
          continue;
        }
        if (old) {
          result.before.push(ratingDto(old));
          result.updated++;
        } else result.created++;
        toSave.push(
          repo.create({
            id: old?.id ?? randomUUID(),
            quarterId: a.quarterId,
            programmeId: a.programmeId,
            catalogueVersionId: a.catalogueVersionId,
            ...c,
          }),
        );
      }
      if (toSave.length > 0) {
        result.after = (await repo.save(toSave)).map(ratingDto);
        await this.comparison.refreshFigures(em, a, ['field']);
        // The Handlungskonzept must answer every weak action field: the agreements service hears of them from here.
        const ratings = new Map((await repo.findBy({ quarterId: a.quarterId })).map((r) => [r.criterionId, Number(r.rating)]));
        const weakActionFields = profileFor(catalogue, ratings)
          .filter((f) => f.weaknesses.length > 0)
          .map((f) => f.actionFieldId)
          .sort();
        const revision = Date.now();
        await recordEvent(em, 'analysis', {
          id: `analysis:${a.id}:weak-fields:${revision}:${randomUUID().slice(0, 8)}`,
          type: 'analysis.weak_fields_changed',
          quarterId: a.quarterId,
          payload: { analysisId: a.id, weakActionFields, revision },
        });
      }
      await auditWrite(em, 'analysis.ratings.update', 'criterion_ratings', a.quarterId, result);
      return result;
    });
  }

  // ---- profile and comparison ----------------------------------------------------------

  /** The Stärken-Schwächen-Profil of the quarter, its derived figures, and its place in the programme. */
  async profile(quarterId: string): Promise<ProfileDto> {
    const a = await this.analysisOf(quarterId);
    const catalogue = await this.catalogue(a.catalogueVersionId);
    const [ratings, values, { actionFields: fieldDist, indicators: indicatorDist }] = await Promise.all([
      this.ratings.findBy({ quarterId }),
      this.values.findBy({ quarterId }),
      this.comparison.programmeDistributions(a.programmeId, a.catalogueVersionId),
    ]);
    const ratingMap = new Map(ratings.map((r) => [r.criterionId, Number(r.rating)]));
    const latest = latestValues(values);
    return {
      analysis: analysisDto(a),
      actionFields: profileFor(catalogue, ratingMap).map((p) => {
        const programme = fieldDist[p.actionFieldId] ?? ComparisonService.empty();
        return { ...p, programme, quartile: ComparisonService.quartile(p.mean, programme) };
      }),
      derived: derivedFigures(values),
      indicators: catalogue.indicators.map((i: Indicator) => {
        const programme = indicatorDist[i.id] ?? ComparisonService.empty();
        const value = latest.get(i.id) ?? null;
        return { id: i.id, value, programme, quartile: ComparisonService.quartile(value, programme) };
      }),
      unrated: allCriteria(catalogue).filter((c) => !ratingMap.has(c.id)).map((c) => c.id),
    };
  }

  async programmeDistribution(query: ProgrammeDistributionQuery): Promise<ProgrammeDistributionDto> {
    const [{ actionFields, indicators }, quarterMeans] = await Promise.all([
      this.comparison.programmeDistributions(query.programmeId, query.catalogueVersionId),
      this.comparison.quarterMeans(query.programmeId, query.catalogueVersionId),
    ]);
    return { programmeId: query.programmeId, catalogueVersionId: query.catalogueVersionId, quarters: quarterMeans.length, actionFields, indicators, quarterMeans };
  }
}

/** A quarter's analysis as it starts: a draft pinned to the programme's catalogue version. */
function newAnalysis(cmd: EnsureAnalysisCommand) {
  const { quarterId, programmeId, catalogueVersionId } = cmd; // only these, whatever else arrived on the wire
  return { id: randomUUID(), quarterId, programmeId, catalogueVersionId, status: 'draft' as const, submittedAt: null, priorities: null, prioritiesRecordedAt: null };
}

/** Collects the records' problems under `<list>.<index>` and flags duplicates; returns the checked records. */
function checkAll<T>(
  results: Array<{ ok: T } | { errors: FieldMessages }>,
  list: string,
  errors: FieldProblemInput[],
  key: (t: T) => string,
  duplicate: (t: T) => FieldProblemInput,
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if ('errors' in r) {
      errors.push(...under(`${list}.${i}`, r.errors));
      return;
    }
    const k = key(r.ok);
    if (seen.has(k)) errors.push(...under(`${list}.${i}`, [duplicate(r.ok)]));
    seen.add(k);
    out.push(r.ok);
  });
  return out;
}

function sameRating(old: CriterionRating, c: CheckedRating): boolean {
  return Number(old.rating) === c.rating && old.evidence === c.evidence && JSON.stringify(old.targetGroups) === JSON.stringify(c.targetGroups);
}

/** Each indicator's value at its latest reference date. */
function latestValues(values: IndicatorValue[]): Map<string, number> {
  const best = new Map<string, IndicatorValue>();
  for (const v of values) {
    const b = best.get(v.indicatorId);
    if (!b || v.referenceDate > b.referenceDate) best.set(v.indicatorId, v);
  }
  return new Map([...best].map(([id, v]) => [id, Number(v.value)]));
}

/**
 * Shares in percent, each at the latest reference date where numerator and denominator
 * were both recorded (values of different dates are never divided by each other).
 */
export function derivedFigures(values: IndicatorValue[]): DerivedFigures {
  const at = new Map<string, Map<string, number>>();
  let latestDate: string | null = null;
  for (const v of values) {
    const m = at.get(v.indicatorId) ?? new Map<string, number>();
    m.set(v.referenceDate, Number(v.value));
    at.set(v.indicatorId, m);
    if (latestDate === null || v.referenceDate > latestDate) latestDate = v.referenceDate;
  }
  const share = (numerators: string[], denominator: string): number | null => {
    const den = at.get(denominator);
    if (!den) return null;
    const dates = [...den.keys()].sort().reverse();
    for (const d of dates) {
      const total = den.get(d)!;
      const parts = numerators.map((n) => at.get(n)?.get(d));
      if (total > 0 && parts.every((p) => p !== undefined)) {
        return Math.round((parts.reduce((s: number, p) => s + (p as number), 0) / total) * 1000) / 10;
      }
    }
    return null;
  };
  return {
    referenceDate: latestDate,
    barrierFreeFlatsShare: share(['flats_barrier_free'], 'flats_total'),
    lowBarrierFlatsShare: share(['flats_low_barrier'], 'flats_total'),
    barrierReducedFlatsShare: share(['flats_barrier_free', 'flats_low_barrier'], 'flats_total'),
    priceBoundFlatsShare: share(['flats_price_bound'], 'flats_total'),
    companyFlatsShare: share(['flats_company'], 'flats_total'),
    residents65PlusShare: share(['residents_age_65_79', 'residents_age_80plus'], 'residents_total'),
    residents80PlusShare: share(['residents_age_80plus'], 'residents_total'),
    residentsUnder18Share: share(['residents_age_0_5', 'residents_age_6_17'], 'residents_total'),
  };
}

/** One audit entry per write of values or ratings, with the changed records before and after and the counts. */
function auditWrite<T>(em: EntityManager, action: string, resourceType: string, quarterId: string, result: WriteResult<T>) {
  return recordAudit(em, 'analysis', {
    action,
    resourceType,
    resourceId: quarterId,
    quarterId,
    before: result.before,
    after: { created: result.created, updated: result.updated, unchanged: result.unchanged, values: result.after },
  });
}
