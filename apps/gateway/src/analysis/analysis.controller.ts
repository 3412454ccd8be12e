import { applyDecorators, Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ActorsPatterns,
  ALL_ROLES,
  AnalysisPatterns,
  DocumentPatterns,
  PROGRAMME_ROLES,
  fieldProblemMessage,
  negotiateLocale,
  type ImportResult,
  type ProgrammeDistributionDto,
  type ProgrammeDto,
  type AnalysisDto,
  type CatalogueVersionDto,
  type IndicatorValueDto,
  type Page,
  type PdfDocument,
  type QuarterDto,
  type ProfileDto,
  type RatingDto,
  type Role,
  type WriteResult,
} from '@genq/contracts';
import type { Catalogue } from '@genq/domain';
import { ImportIndicatorValuesDto, RecordPrioritiesDto, UpsertIndicatorValuesDto, UpsertRatingsDto } from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { Policy } from '../auth/policy';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { AnalysisGatewayService } from './analysis.service';
import { Returns, ReturnsFile, ReturnsList } from '../openapi/returns';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function checkedVersionId(catalogueVersionId: string | undefined): string {
  const id = catalogueVersionId ?? 'genq-default@1.0.0';
  if (!/^[A-Za-z0-9._-]{1,100}@[A-Za-z0-9._-]{1,50}$/.test(id)) {
    throw invalidFields({ field: 'catalogueVersionId', code: 'catalogue_version.malformed' });
  }
  return id;
}

/** Who enters a quarter's analysis: its partners, its facilitator, and the programme office. */
const WRITERS: readonly Role[] = ['programme_admin', 'facilitator', 'partner'];
/**
 * react-admin list parameters in the OpenAPI document, with a filter the route accepts (each
 * list allows its own fields only: another answers 400).
 */
const ListQueryDocs = (filterExample: Record<string, string>) =>
  applyDecorators(
    ApiQuery({ name: 'filter', type: String, required: false, description: `JSON object over ${Object.keys(filterExample).join(', ')}`, example: JSON.stringify(filterExample) }),
    ApiQuery({ name: 'sort', type: String, required: false, description: 'JSON ["field","ASC"|"DESC"]', example: JSON.stringify([Object.keys(filterExample)[0], 'ASC']) }),
    ApiQuery({ name: 'range', type: String, required: false, description: 'JSON [start,end], zero-based, inclusive', example: '[0,24]' }),
  );

/**
 * The quarter analysis over HTTP (issue 4): indicator values and their spreadsheet import,
 * the self-assessment of every criterion, the strengths-and-weaknesses profile compared with
 * the programme, and submitting the analysis (which completes the process step).
 */
@ApiTags('analysis')
@Controller()
export class AnalysisController {
  constructor(
    private readonly analysis: AnalysisGatewayService,
    private readonly services: ServiceClients,
  ) {}

  @Get('analysis/template.csv')
  @Policy({ roles: ALL_ROLES })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'catalogueVersionId', required: false, description: 'Default: genq-default@1.0.0' })
  @ApiOkResponse({ description: 'The indicator import template of the catalogue version, one row per indicator' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="indikatoren-vorlage.csv"')
  @ReturnsFile('text/csv')
  async template(@Query('catalogueVersionId') catalogueVersionId?: string) {
    const id = checkedVersionId(catalogueVersionId);
    // The BOM makes spreadsheet programs read the umlauts as UTF-8.
    return `\uFEFF${await this.services.send<string>('analysis', AnalysisPatterns.indicatorTemplate, id)}`;
  }

  @Get('analysis/template.xlsx')
  @Policy({ roles: ALL_ROLES })
  @ApiProduces(XLSX)
  @ApiQuery({ name: 'catalogueVersionId', required: false, description: 'Default: genq-default@1.0.0' })
  @ApiOkResponse({ description: 'The indicator import template as an Excel workbook' })
  @ReturnsFile(XLSX)
  async workbookTemplate(@Query('catalogueVersionId') catalogueVersionId?: string) {
    const base64 = await this.services.send<string>('analysis', AnalysisPatterns.indicatorWorkbookTemplate, checkedVersionId(catalogueVersionId));
    return new StreamableFile(Buffer.from(base64, 'base64'), { type: XLSX, disposition: 'attachment; filename="indikatoren-vorlage.xlsx"' });
  }

  @Post('catalogues')
  @Policy({ roles: ['programme_admin'] })
  @ApiOkResponse({ description: 'A new catalogue version (the full catalogue document); 400 lists every problem, 409 if the version exists' })
  @ApiBody({ description: 'The catalogue document (JSON), as apps/analysis/seed/catalogue-genq-default-1.0.0.json', schema: { type: 'object', additionalProperties: true } })
  @Returns('CatalogueCreated')
  createCatalogue(@Body() catalogue: Record<string, unknown>) {
    return this.services.send<{ id: string }>('analysis', AnalysisPatterns.createCatalogue, catalogue);
  }

  @Get('catalogues')
  @Policy({ roles: ALL_ROLES })
  @ListQueryDocs({ catalogueId: 'genq-default' })
  @ApiOkResponse({ description: 'Catalogue versions, newest first by default, with their numbers of action fields, criteria and indicators; total in Content-Range' })
  @ReturnsList('CatalogueVersionDto')
  async listCatalogues(@Query() params: RawListParams, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<CatalogueVersionDto>>('analysis', AnalysisPatterns.listCatalogues, query);
    return withContentRange(res, 'catalogues', query, page);
  }

  @Get('catalogues/:id')
  @Policy({ roles: ALL_ROLES })
  @ApiOkResponse({ description: 'One catalogue version (criteria, indicators, rating scale, thresholds, calendar), e.g. genq-default@1.0.0' })
  @Returns('Catalogue')
  catalogue(@Param('id') id: string) {
    return this.services.send<Catalogue>('analysis', AnalysisPatterns.getCatalogue, checkedVersionId(id));
  }

  @Get('quarters/:id/analysis')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'The analysis of the quarter: pinned catalogue version, status, priorities' })
  @Returns('AnalysisDto')
  getAnalysis(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.analysis.send<AnalysisDto>(id, AnalysisPatterns.getAnalysis, id);
  }

  @Get('quarters/:id/indicators')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ListQueryDocs({ indicatorId: 'residents_total' })
  @ApiOkResponse({ description: 'Indicator values of the quarter (id `<indicatorId>@<referenceDate>`); total in Content-Range' })
  @ReturnsList('IndicatorValueDto')
  async listIndicators(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: RawListParams, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.analysis.send<Page<IndicatorValueDto>>(id, AnalysisPatterns.listIndicatorValues, { ...query, quarterId: id });
    return withContentRange(res, 'indicators', query, page);
  }

  @Put('quarters/:id/indicators')
  @Policy({ roles: WRITERS, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Counts of created, updated and unchanged values, and the changed values' })
  @ApiBadRequestResponse({ description: '`request.invalid`; `errors` lists each field problem with its code, fields `values.<index>.<field>`: unknown indicator, wrong unit or kind, impossible value' })
  @Returns('IndicatorValuesWritten')
  async putIndicators(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpsertIndicatorValuesDto) {
    return this.analysis.send<WriteResult<IndicatorValueDto>>(id, AnalysisPatterns.upsertIndicatorValues, { quarterId: id, values: dto.values });
  }

  @Post('quarters/:id/indicators/import')
  @HttpCode(200)
  @Policy({ roles: WRITERS, scope: { quarter: 'params.id' } })
  @ApiConsumes('application/json', 'text/csv', XLSX)
  @ApiBody({ type: ImportIndicatorValuesDto, description: 'JSON `{ "csv": "..." }` or `{ "xlsxBase64": "..." }`, or the file itself as text/csv or an Excel workbook' })
  @ApiOkResponse({ description: 'Rows imported; created, updated and unchanged counts (a repeated file changes nothing)' })
  @ApiBadRequestResponse({ description: 'Nothing imported: `import.rows_invalid` with field problems `rows.<line>.<column>`, or `request.invalid` with a problem of the file (`csv`, `xlsx`)' })
  @Returns('IndicatorValuesImported')
  async importIndicators(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: Request) {
    const json = (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) ? body : {}) as Partial<ImportIndicatorValuesDto> & { xlsxBase64?: unknown };
    const xlsxBase64 = Buffer.isBuffer(body) ? body.toString('base64') : typeof json.xlsxBase64 === 'string' ? json.xlsxBase64 : undefined;
    const csv = typeof body === 'string' ? body : json.csv;
    if (typeof csv !== 'string' && xlsxBase64 === undefined) {
      throw invalidFields({ field: 'csv', code: 'import.file_missing' });
    }
    const result = await this.analysis.send<ImportResult<IndicatorValueDto>>(
      id,
      xlsxBase64 !== undefined ? AnalysisPatterns.importIndicatorWorkbook : AnalysisPatterns.importIndicatorValues,
      xlsxBase64 !== undefined ? { quarterId: id, xlsxBase64 } : { quarterId: id, csv },
    );
    // Warnings (a source that starts like a formula) are said in the request's language, like problems.
    // The warnings are said in the request's language, like every problem (Accept-Language is no documented parameter: every route honours it).
    const locale = negotiateLocale(req.headers['accept-language']);
    return { ...result, warnings: (result.warnings ?? []).map((w) => ({ ...w, message: fieldProblemMessage(w.code, undefined, locale) ?? w.code })) };
  }

  @Get('quarters/:id/ratings')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ListQueryDocs({ actionFieldId: 'HF1' })
  @ApiOkResponse({ description: 'Self-assessment of the quarter, one rating per criterion (id = criterion id); total in Content-Range' })
  @ReturnsList('RatingDto')
  async listRatings(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: RawListParams, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.analysis.send<Page<RatingDto>>(id, AnalysisPatterns.listRatings, { ...query, quarterId: id });
    return withContentRange(res, 'ratings', query, page);
  }

  @Put('quarters/:id/ratings')
  @Policy({ roles: WRITERS, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Counts of created, updated and unchanged ratings, and the changed ratings' })
  @ApiBadRequestResponse({ description: '`request.invalid`; field problems `ratings.<index>.<field>`: unknown criterion, rating off the scale, unknown target group' })
  @Returns('RatingsWritten')
  async putRatings(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpsertRatingsDto) {
    return this.analysis.send<WriteResult<RatingDto>>(id, AnalysisPatterns.upsertRatings, { quarterId: id, ratings: dto.ratings });
  }

  @Get('quarters/:id/profile')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Stärken-Schwächen-Profil per action field, derived shares, and median and quartiles of the programme' })
  @Returns('ProfileDto')
  profile(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.analysis.send<ProfileDto>(id, AnalysisPatterns.profile, id);
  }

  @Get('quarters/:id/analysis/pdf')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Quartiersanalyse summary as PDF: indicators with units and reference dates, ratings per criterion and action field, priorities' })
  @ReturnsFile('application/pdf')
  async analysisPdf(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.analysisDocument(id, DocumentPatterns.analysisSummaryPdf);
  }

  @Get('quarters/:id/profile/pdf')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Stärken-Schwächen-Profil as PDF, with a radar chart against the programme median' })
  @ReturnsFile('application/pdf')
  async profilePdf(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.analysisDocument(id, DocumentPatterns.profilePdf);
  }

  /** The analysis service draws the document; the quarter's name comes from the actors service. */
  private async analysisDocument(id: string, pattern: string) {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, id);
    const doc = await this.analysis.send<PdfDocument>(id, pattern, { quarterId: id, quarterName: quarter.name });
    return new StreamableFile(Buffer.from(doc.content, 'base64'), { type: 'application/pdf', disposition: `attachment; filename="${doc.filename}"` });
  }

  @Get('programmes/:id/analysis-distribution')
  @Policy({ roles: PROGRAMME_ROLES, scope: { programme: 'params.id' } })
  @ApiQuery({ name: 'catalogueVersionId', required: false, description: "Default: the programme's catalogue version" })
  @ApiOkResponse({ description: 'Median and quartiles per action field and indicator over the programme, and every quarter’s action-field means' })
  @Returns('ProgrammeDistributionDto')
  async programmeDistribution(@Param('id') id: string, @Query('catalogueVersionId') catalogueVersionId?: string) {
    const programme = await this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, id);
    const versionId = catalogueVersionId ? checkedVersionId(catalogueVersionId) : `${programme.catalogueId}@${programme.catalogueVersion}`;
    return this.services.send<ProgrammeDistributionDto>('analysis', AnalysisPatterns.programmeDistribution, { programmeId: id, catalogueVersionId: versionId });
  }

  @Post('quarters/:id/analysis/submit')
  @HttpCode(200)
  @Policy({ roles: WRITERS, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'The submitted analysis; the analysis service records `analysis.submitted` and the process completes the Quartiersanalyse from it. A repeat changes nothing' })
  @ApiBadRequestResponse({ description: '`analysis.ratings_missing`; field problems `ratings.<criterionId>` (`criterion.not_rated`)' })
  @Returns('AnalysisAnswer')
  async submit(@Param('id', new ParseUUIDPipe()) id: string) {
    // Through the analysis gateway service, which opens the quarter's analysis first if it has none.
    const { analysis } = await this.analysis.send<{ analysis: AnalysisDto; changed: boolean }>(id, AnalysisPatterns.submitAnalysis, { quarterId: id });
    return { analysis };
  }

  @Post('quarters/:id/analysis/priorities')
  @HttpCode(200)
  @Policy({ roles: WRITERS, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Priorities of the strategy workshop recorded; the analysis service records `analysis.priorities_recorded` and the process completes the Strategieworkshop from it' })
  @ApiBadRequestResponse({ description: '`request.invalid`; unknown criterion or action field ids as field problems `priorities.<index>` (`priority.unknown`)' })
  @ApiConflictResponse({ description: 'The analysis is not submitted yet' })
  @Returns('AnalysisAnswer')
  async recordPriorities(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RecordPrioritiesDto) {
    const { analysis } = await this.analysis.send<{ before: AnalysisDto; analysis: AnalysisDto; changed: boolean }>(id, AnalysisPatterns.recordPriorities, {
      quarterId: id,
      priorities: dto.priorities,
    });
    return { analysis };
  }
}
