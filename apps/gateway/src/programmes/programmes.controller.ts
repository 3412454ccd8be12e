import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, ActorsPatterns, DocumentPatterns, PROGRAMME_ROLES, type Actor, type Page, type PdfDocument, type ProgrammeDto } from '@genq/contracts';
import { UpsertProgrammeDto } from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ServiceClients } from '../services/service-clients';
import { Returns, ReturnsFile, ReturnsList } from '../openapi/returns';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES, lists: 'programme' })
  @ListQueryDocs()
  @ReturnsList('ProgrammeDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<ProgrammeDto>>('actors', ActorsPatterns.listProgrammes, { ...query, actor });
    return withContentRange(res, 'programmes', query, page);
  }

  @Get(':id')
  @Policy({ roles: ALL_ROLES, scope: { programme: 'params.id' } })
  @Returns('ProgrammeDto')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, { id, actor });
  }

  @Get(':id/report/pdf')
  @Policy({ roles: PROGRAMME_ROLES, scope: { programme: 'params.id' } })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Programme report as PDF over the quarters in your scope: phases, stalled and overdue, measures per action field, certificates issued and expiring, with charts' })
  @ReturnsFile('application/pdf')
  async reportPdf(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const doc = await this.services.send<PdfDocument>('actors', DocumentPatterns.programmeReportPdf, { actor, programmeId: id });
    return new StreamableFile(Buffer.from(doc.content, 'base64'), { type: 'application/pdf', disposition: `attachment; filename="${doc.filename}"` });
  }

  @Put(':id')
  // A new id creates the programme in the caller's scope; someone else's answers 404.
  @Policy({ roles: ['programme_admin'], scope: { programme: 'params.id' }, mayCreate: true })
  @ApiOkResponse({ description: 'Programme created or replaced; running quarters keep their calendar' })
  @Returns('ProgrammeDto')
  async upsert(@Param('id') id: string, @Body() dto: UpsertProgrammeDto, @CurrentActor() actor: Actor) {
    if (dto.id !== id) throw invalidFields({ field: 'id', code: 'programme.id_mismatch' });
    return this.services.send<ProgrammeDto>('actors', ActorsPatterns.upsertProgramme, { ...dto, actor });
  }
}
