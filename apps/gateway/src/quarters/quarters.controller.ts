import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, type Actor } from '@genq/contracts';
import { CreateQuarterDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { QuartersService } from './quarters.service';
import { Returns, ReturnsList } from '../openapi/returns';

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
