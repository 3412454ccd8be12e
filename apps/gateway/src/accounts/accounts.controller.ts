import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdentityPatterns, type AccountDto, type Actor, type Page, type PasswordResetDto } from '@genq/contracts';
import { CreateAccountDto, UpdateAccountDto } from '@genq/dto';
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

  @Patch(':id')
  @Policy({ roles: ['programme_admin'], scope: { account: 'params.id' } })
  @ApiOperation({ summary: 'Change an account: role, programmes, organisation, signing authority, name; deactivate or reactivate. Audited.' })
  @ApiOkResponse({ description: 'The account after the change' })
  @ApiBadRequestResponse({ description: "Field errors: the role's rules as for POST; programmes or organisations outside your scope are \"unknown\"" })
  @ApiConflictResponse({ description: '`account.self_deactivate` (your own account stays active), `account.self_role` (your own role, programmes and organisation stay)' })
  @Returns('AccountDto')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateAccountDto, @CurrentActor() actor: Actor) {
    return this.services.send<AccountDto>('actors', IdentityPatterns.updateAccount, { ...dto, id, actor });
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Policy({ roles: ['programme_admin'], scope: { account: 'params.id' } })
  @ApiOperation({ summary: 'A new one-time password for the account, shown once; every session of the account ends. Audited without the password.' })
  @ApiOkResponse({ description: 'The account and its new password' })
  @ApiConflictResponse({ description: '`account.external_sign_in`: the account signs in through the identity provider' })
  @Returns('PasswordResetDto')
  resetPassword(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.services.send<PasswordResetDto>('actors', IdentityPatterns.resetPassword, { id, actor });
  }
}
