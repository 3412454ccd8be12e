import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, fieldProblemMessage, negotiateLocale, type Actor } from '@genq/contracts';
import { CreateQuarterDto, ImportQuartersDto } from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { QuartersService } from './quarters.service';
import { Returns, ReturnsFile, ReturnsList } from '../openapi/returns';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('quarters')
@Controller('quarters')
export class QuartersController {
  constructor(private readonly quarters: QuartersService) {}

  @Post()
  @Policy({ roles: ['programme_admin'], scope: { programme: 'body.programmeId' } })
  @ApiCreatedResponse({ description: 'Quarter registered and its lifecycle workflow started' })
  @ApiOkResponse({ description: 'The same quarter was registered before; nothing new was created' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`, keyed by field' })
  @ApiConflictResponse({ description: 'Another quarter with this name exists in the municipality and programme' })
  @Returns('QuarterWithProcess')
  async create(@Body() dto: CreateQuarterDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const { quarter, created } = await this.quarters.create(actor, dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return quarter;
  }

  @Post('import')
  @HttpCode(200)
  @Policy({ roles: ['programme_admin'] })
  @ApiConsumes('application/json', 'text/csv', XLSX)
  @ApiBody({ type: ImportQuartersDto, description: 'JSON `{ "csv": "..." }` or `{ "xlsxBase64": "..." }`, or the file itself as text/csv or an Excel workbook (up to IMPORT_BODY_LIMIT, 2 MB)' })
  @ApiOkResponse({ description: 'Every row admitted: the quarters, how many are new and how many existed (a repeated file creates nothing); their workflows start from `quarter.registered`' })
  @ApiBadRequestResponse({ description: 'Nothing admitted: `import.rows_invalid` with field problems `rows.<line>.<column>` (a programme outside yours reads as unknown), or `request.invalid` with a problem of the file (`csv`, `xlsx`)' })
  @Returns('QuarterImportResult')
  async importQuarters(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request) {
    const json = (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) ? body : {}) as Partial<ImportQuartersDto>;
    const xlsxBase64 = Buffer.isBuffer(body) ? body.toString('base64') : typeof json.xlsxBase64 === 'string' ? json.xlsxBase64 : undefined;
    const csv = typeof body === 'string' ? body : typeof json.csv === 'string' ? json.csv : undefined;
    if (csv === undefined && xlsxBase64 === undefined) throw invalidFields({ field: 'csv', code: 'import.file_missing' });
    const result = await this.quarters.importFile(actor, xlsxBase64 !== undefined ? { xlsxBase64 } : { csv: csv! });
    // Warnings (a text that starts like a formula) are said in the request's language, like problems.
    const locale = negotiateLocale(req.headers['accept-language']);
    return { ...result, warnings: result.warnings.map((w) => ({ ...w, message: fieldProblemMessage(w.code, undefined, locale) ?? w.code })) };
  }

  @Get('import/template.csv')
  @Policy({ roles: ['programme_admin'] })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The header row of the quarter import' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="quartiere-vorlage.csv"')
  @ReturnsFile('text/csv')
  async importTemplate() {
    // The BOM makes spreadsheet programs read the umlauts as UTF-8.
    return `\uFEFF${await this.quarters.importTemplate('csv')}`;
  }

  @Get('import/template.xlsx')
  @Policy({ roles: ['programme_admin'] })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The quarter import template as an Excel workbook, with a sheet saying what each column holds' })
  @ReturnsFile(XLSX)
  async importWorkbookTemplate() {
    const base64 = await this.quarters.importTemplate('xlsx');
    return new StreamableFile(Buffer.from(base64, 'base64'), { type: XLSX, disposition: 'attachment; filename="quartiere-vorlage.xlsx"' });
  }

  @Get()
  @Policy({ roles: ALL_ROLES, lists: 'quarter' })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON object, e.g. {"land":"Bayern","q":"nord"}; {"nextDueAfter":"2026-12-01","nextDueBefore":"2026-12-31"} lists quarters whose next deadline falls in that window (400 if not an ISO date)' })
  @ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]' })
  @ApiQuery({ name: 'range', required: false, description: 'JSON [start,end], zero-based, inclusive' })
  @ApiOkResponse({ description: 'Quarters with their projected phase and step; total in Content-Range' })
  @ReturnsList('QuarterDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    return withContentRange(res, 'quarters', query, await this.quarters.list(actor, query));
  }

  @Get(':id')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'The quarter with its live process state from the workflow' })
  @Returns('QuarterWithProcess')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.quarters.get(id, actor);
  }
}
