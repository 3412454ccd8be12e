import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdentityPatterns, type AccountDto, type Actor, type Page } from '@genq/contracts';
import { CreateAccountDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { Returns, ReturnsList } from '../openapi/returns';

/** User accounts, managed by programme admins within their programmes. Passwords never come back. */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ['programme_admin'], lists: 'account' })
  @ListQueryDocs()
  @ApiOkResponse({ description: 'Accounts of your programmes and their organisations; total in Content-Range' })
  @ReturnsList('AccountDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<AccountDto>>('actors', IdentityPatterns.listAccounts, { ...query, actor });
    return withContentRange(res, 'accounts', query, page);
  }

  @Get(':id')
  @Policy({ roles: ['programme_admin'], scope: { account: 'params.id' } })
  @Returns('AccountDto')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.services.send<AccountDto>('actors', IdentityPatterns.getAccount, { actor, id });
  }

  @Post()
  @Policy({ roles: ['programme_admin'], scope: { organisation: 'body.organisationId' } })
  @ApiCreatedResponse({ description: 'Account created' })
  @ApiBadRequestResponse({ description: 'Field errors; programmes or organisations outside your scope are "unknown"' })
  @ApiConflictResponse({ description: 'An account with this e-mail address exists' })
  @Returns('AccountDto')
  async create(@Body() dto: CreateAccountDto, @CurrentActor() actor: Actor) {
    return this.services.send<AccountDto>('actors', IdentityPatterns.createAccount, { ...dto, actor });
  }
}
