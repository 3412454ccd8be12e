import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, PeoplePatterns, type Actor, type Page, type PersonDto } from '@genq/contracts';
import { CreatePersonDto, UpdatePersonDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { Returns, ReturnsList } from '../openapi/returns';

/**
 * People of organisations. Whoever sees an organisation sees its people; as for
 * organisations, only the programme office writes them: a partner must not grant itself
 * signing authority (Zeichnungsbefugnis).
 */
@ApiTags('organisations')
@Controller('people')
export class PeopleController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES, lists: 'person' })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON object, e.g. {"organisationId":"…","q":"Schmidt","signingAuthority":true}' })
  @ApiQuery({ name: 'sort', required: false, description: 'JSON ["name"|"role"|"organisationId"|"signingAuthority"|"createdAt","ASC"|"DESC"]' })
  @ApiQuery({ name: 'range', required: false, description: 'JSON [start,end], zero-based, inclusive' })
  @ApiOkResponse({ description: 'People of the organisations in your scope; total in Content-Range' })
  @ReturnsList('PersonDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<PersonDto>>('actors', PeoplePatterns.list, { ...query, actor });
    return withContentRange(res, 'people', query, page);
  }

  @Get(':id')
  @Policy({ roles: ALL_ROLES, scope: { person: 'params.id' } })
  @ApiOkResponse({ description: 'One person' })
  @Returns('PersonDto')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.services.send<PersonDto>('actors', PeoplePatterns.get, { actor, id });
  }

  @Post()
  @Policy({ roles: ['programme_admin'], scope: { organisation: 'body.organisationId', account: 'body.accountId' } })
  @ApiCreatedResponse({ description: 'The person, recorded for the organisation' })
  @ApiBadRequestResponse({ description: 'Field errors: name missing, bad e-mail, unknown organisation or account, account of another organisation' })
  @Returns('PersonDto')
  async create(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor) {
    return this.services.send<PersonDto>('actors', PeoplePatterns.create, { ...dto, actor });
  }

  @Put(':id')
  @Policy({ roles: ['programme_admin'], scope: { person: 'params.id', organisation: 'body.organisationId', account: 'body.accountId' } })
  @ApiOkResponse({ description: 'The person with the editable fields replaced (a field left out is cleared)' })
  @ApiBadRequestResponse({ description: 'Field errors, as for POST' })
  @Returns('PersonDto')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdatePersonDto, @CurrentActor() actor: Actor) {
    const { after } = await this.services.send<{ before: PersonDto; after: PersonDto }>('actors', PeoplePatterns.update, { ...dto, id, actor });
    return after;
  }
}
