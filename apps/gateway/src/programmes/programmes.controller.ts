import { BadRequestException, Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActorsPatterns, type Page, type ProgrammeDto } from '@genq/contracts';
import { UpsertProgrammeDto } from '@genq/dto';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  async list(@Query() params: RawListParams, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<ProgrammeDto>>('actors', ActorsPatterns.listProgrammes, query);
    return withContentRange(res, 'programmes', query, page);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, id);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'Programme created or replaced; running quarters keep their calendar' })
  upsert(@Param('id') id: string, @Body() dto: UpsertProgrammeDto) {
    if (dto.id !== id) throw new BadRequestException({ statusCode: 400, message: 'Validation failed', errors: { id: 'id must match the URL' } });
    return this.services.send<ProgrammeDto>('actors', ActorsPatterns.upsertProgramme, dto);
  }
}
