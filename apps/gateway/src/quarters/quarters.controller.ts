import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateQuarterDto } from '@genq/dto';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { QuartersService } from './quarters.service';

@ApiTags('quarters')
@Controller('quarters')
export class QuartersController {
  constructor(private readonly quarters: QuartersService) {}

  @Post()
  @ApiCreatedResponse({ description: 'Quarter registered and its lifecycle workflow started' })
  @ApiOkResponse({ description: 'The same quarter was registered before; nothing new was created' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`, keyed by field' })
  @ApiConflictResponse({ description: 'Another quarter with this name exists in the municipality and programme' })
  async create(@Body() dto: CreateQuarterDto, @Res({ passthrough: true }) res: Response) {
    const { quarter, created } = await this.quarters.create(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return quarter;
  }

  @Get()
  @ApiQuery({ name: 'filter', required: false, description: 'JSON object, e.g. {"land":"Bayern","q":"nord"}' })
  @ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]' })
  @ApiQuery({ name: 'range', required: false, description: 'JSON [start,end], zero-based, inclusive' })
  @ApiOkResponse({ description: 'Quarters with their projected phase and step; total in Content-Range' })
  async list(@Query() params: RawListParams, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    return withContentRange(res, 'quarters', query, await this.quarters.list(query));
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The quarter with its live process state from the workflow' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.quarters.get(id);
  }
}
