import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditPatterns, auditExportHeader, auditExportRow, negotiateLocale, type Actor, type AuditEntryDto, type Page } from '@genq/contracts';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { csvLine } from './csv';
import { Returns, ReturnsFile, ReturnsList } from '../openapi/returns';

/** The audit log, read-only: there is no route that changes or removes an entry. Programme admins only. */
@ApiTags('audit-log')
@Controller('audit-log')
export class AuditLogController {
  private readonly logger = new Logger(AuditLogController.name);

  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ['programme_admin'], lists: 'audit_entry' })
  @ListQueryDocs('JSON, e.g. {"action":"quarter.create","at_gte":"2026-01-01"}')
  @ApiOkResponse({ description: 'Entries of your programmes, newest first; total in Content-Range' })
  @ReturnsList('AuditEntryDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<AuditEntryDto>>('actors', AuditPatterns.list, { ...query, actor });
    return withContentRange(res, 'audit-log', query, page);
  }

  @Get('export')
  @Policy({ roles: ['programme_admin'], lists: 'audit_entry' })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'filter', required: false, description: 'The list filters' })
  @ApiOkResponse({
    description:
      'Every matching entry as CSV (UTF-8 with BOM, for spreadsheets), oldest first, as a person reads it: in the language of Accept-Language (German by default, separated by semicolons; English by commas), actions, roles and records in words and by name, the changed fields of before and after',
  })
  @ReturnsFile('text/csv')
  async export(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const locale = negotiateLocale(req.headers['accept-language']);
    const separator = locale === 'de' ? ';' : ',';
    const { filter = {} } = parseListQuery({ filter: params.filter });
    // The first batch before any byte is sent: a bad filter still gets a proper 400.
    let batch = await this.services.send<AuditEntryDto[]>('actors', AuditPatterns.export, { actor, filter, afterId: 0 });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="genq-audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Content-Language', locale);
    res.write(`\uFEFF${csvLine(auditExportHeader(locale), separator)}`);
    try {
      while (batch.length > 0) {
        for (const e of batch) res.write(csvLine(auditExportRow(e, locale), separator));
        batch = await this.services.send<AuditEntryDto[]>('actors', AuditPatterns.export, { actor, filter, afterId: batch.at(-1)!.id });
      }
      res.end();
    } catch (err) {
      // The status line is gone already: break the connection, so a partial file never looks complete.
      this.logger.error(`audit export failed midway: ${err instanceof Error ? err.message : String(err)}`);
      res.destroy();
    }
  }

  @Get(':id')
  @Policy({ roles: ['programme_admin'], scope: { audit_entry: 'params.id' } })
  @ApiOkResponse({ description: 'One entry with before and after' })
  @Returns('AuditEntryDto')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.services.send<AuditEntryDto>('actors', AuditPatterns.get, { actor, id });
  }
}
