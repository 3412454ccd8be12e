import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdentityPatterns,
  type ResolveExternalPrincipalQuery,
  type ResolvePrincipalQuery,
  type ScopedGet,
  type ScopedListQuery,
} from '@genq/contracts';
import { CreateAccountMessage, LoginDto, LogoutDto, RefreshDto, ResetPasswordMessage, UpdateAccountMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { AccountsService } from './accounts.service';
import { IdentityService } from './identity.service';

@Controller()
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly accounts: AccountsService,
  ) {}

  @MessagePattern(IdentityPatterns.login)
  login(@Payload() cmd: LoginDto) {
    return this.identity.login(cmd);
  }

  @MessagePattern(IdentityPatterns.refresh)
  refresh(@Payload() cmd: RefreshDto) {
    return this.identity.refresh(cmd.refreshToken);
  }

  @MessagePattern(IdentityPatterns.revokeSession)
  revoke(@Payload() cmd: LogoutDto) {
    return this.identity.revokeByRefreshToken(cmd.refreshToken);
  }

  @MessagePattern(IdentityPatterns.resolvePrincipal)
  resolvePrincipal(@Payload() q: ResolvePrincipalQuery) {
    return this.identity.resolvePrincipal(q);
  }

  @MessagePattern(IdentityPatterns.resolveExternalPrincipal)
  resolveExternalPrincipal(@Payload() q: ResolveExternalPrincipalQuery) {
    return this.identity.resolveExternalPrincipal(q);
  }

  @MessagePattern(IdentityPatterns.createAccount)
  createAccount(@Payload() msg: CreateAccountMessage) {
    const { actor, ...cmd } = msg;
    return this.accounts.create(actor, cmd);
  }

  @MessagePattern(IdentityPatterns.updateAccount)
  updateAccount(@Payload() msg: UpdateAccountMessage) {
    const { actor, id, ...cmd } = msg;
    return this.accounts.update(actor, id, cmd);
  }

  @MessagePattern(IdentityPatterns.resetPassword)
  resetPassword(@Payload() msg: ResetPasswordMessage) {
    return this.accounts.resetPassword(msg.actor, msg.id);
  }

  @MessagePattern(IdentityPatterns.getAccount)
  getAccount(@Payload() q: ScopedGet) {
    return this.accounts.get(requireActor(q?.actor), String(q?.id ?? ''));
  }

  @MessagePattern(IdentityPatterns.listAccounts)
  listAccounts(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.accounts.list(requireActor(actor), query);
  }
}
