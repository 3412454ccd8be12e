import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, OrganisationsPatterns, type Actor, type MembershipDto, type OrganisationDto, type OrganisationMergeResult, type Page } from '@genq/contracts';
import { AddMembershipDto, CreateOrganisationDto, MergeOrganisationDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { Returns, ReturnsList } from '../openapi/returns';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES, lists: 'organisation' })
  @ListQueryDocs()
  @ApiOkResponse({ description: 'Organisations in your scope; total in Content-Range' })
  @ReturnsList('OrganisationDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<OrganisationDto>>('actors', OrganisationsPatterns.list, { ...query, actor });
    return withContentRange(res, 'organisations', query, page);
  }

  @Get(':id')
  @Policy({ roles: ALL_ROLES, scope: { organisation: 'params.id' } })
  @Returns('OrganisationDto')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.services.send<OrganisationDto>('actors', OrganisationsPatterns.get, { actor, id });
  }

  @Post()
  @Policy({ roles: ['programme_admin'], scope: { programme: 'body.programmeId' } })
  @ApiCreatedResponse({ description: 'Organisation registered in the programme' })
  @ApiBadRequestResponse({ description: 'Field errors; a programme outside your scope is "unknown"' })
  @ApiConflictResponse({ description: 'An organisation of this name is registered in the programme' })
  @Returns('OrganisationDto')
  async create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor) {
    return this.services.send<OrganisationDto>('actors', OrganisationsPatterns.create, { ...dto, actor });
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Policy({ roles: ['programme_admin'], scope: { organisation: 'params.id' } })
  @ApiOperation({
    summary:
      'Merges a duplicate (the path) into the organisation kept: memberships, people, accounts and the quarters that name it move there, the duplicate is removed. One transaction, audited with the reason.',
  })
  @ApiOkResponse({ description: 'The organisation kept, the duplicate as it was, and what moved' })
  @ApiBadRequestResponse({ description: 'Field errors: `into` outside your scope is "unknown", a reason is required' })
  @ApiConflictResponse({
    description:
      '`organisation.merge_into_itself`, `organisation.merge_other_kind`, `organisation.merge_other_programme`, `organisation.merge_quarter_clash` (two quarters of one name would land in one municipality)',
  })
  @Returns('OrganisationMergeResult')
  merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MergeOrganisationDto, @CurrentActor() actor: Actor) {
    return this.services.send<OrganisationMergeResult>('actors', OrganisationsPatterns.merge, { ...dto, id, actor });
  }
}

/** Which organisations take part in a quarter, and in which role: the scope of their partner users. */
@ApiTags('quarters')
@Controller('quarters/:quarterId/memberships')
export class MembershipsController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.quarterId' } })
  @ReturnsList('MembershipDto', { listQuery: false })
  async list(@Param('quarterId') quarterId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const page = await this.services.send<Page<MembershipDto>>('actors', OrganisationsPatterns.listMemberships, { actor, id: quarterId });
    return withContentRange(res, 'memberships', {}, page);
  }

  @Post()
  @Policy({ roles: ['programme_admin'], scope: { quarter: 'params.quarterId', organisation: 'body.organisationId', person: 'body.personId' } })
  @ApiCreatedResponse({
    description:
      "The organisation (named, or the named person's) takes part in the quarter; its partner users now see it. the analysis service counts it into network_partners from the actors service's event",
  })
  @ApiBadRequestResponse({ description: 'Field errors: neither organisation nor person, unknown ones, or a person of another organisation' })
  @ApiConflictResponse({ description: 'The organisation takes part already' })
  @Returns('MembershipDto')
  async add(@Param('quarterId') quarterId: string, @Body() dto: AddMembershipDto, @CurrentActor() actor: Actor) {
    return this.services.send<MembershipDto>('actors', OrganisationsPatterns.addMembership, { ...dto, quarterId, actor });
  }
}
