import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ALL_ROLES, IdentityPatterns, type SessionIssued } from '@genq/contracts';
import { LoginDto, LogoutDto, RefreshDto } from '@genq/dto';
import { problem } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { ServiceClients } from '../services/service-clients';
import { GATEWAY_CONFIG } from '../tokens';
import { AccessTokens } from './access-tokens';
import { CurrentPrincipal } from './current-actor';
import { Policy, Public, StrictRateLimit } from './policy';
import type { Principal } from './request-context';
import type { TokenResponse } from '../openapi/response-types';
import { Returns, ReturnsNothing } from '../openapi/returns';

export type { TokenResponse };


@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly services: ServiceClients,
    private readonly tokens: AccessTokens,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('login')
  @Public()
  @StrictRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in: a short-lived access token and a refresh token' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is locked after repeated failures (the answer does not say which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After' })
  @Returns('TokenResponse')
  async login(@Body() dto: LoginDto): Promise<TokenResponse> {
    this.requireLocalLogin();
    return this.answer(await this.services.send<SessionIssued>('actors', IdentityPatterns.login, dto));
  }

  @Post('refresh')
  @Public()
  @StrictRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new access token and the next refresh token; the one sent no longer works' })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or already used refresh token (a reused one ends the session)' })
  @Returns('TokenResponse')
  async refresh(@Body() dto: RefreshDto): Promise<TokenResponse> {
    this.requireLocalLogin();
    return this.answer(await this.services.send<SessionIssued>('actors', IdentityPatterns.refresh, { refreshToken: dto.refreshToken }));
  }

  @Post('logout')
  @Public()
  @StrictRateLimit()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of this refresh token has ended, with all its access tokens' })
  @ReturnsNothing()
  async logout(@Body() dto: LogoutDto): Promise<void> {
    this.requireLocalLogin();
    // The same answer for unknown tokens: logout reveals nothing about other sessions.
    await this.services.send('actors', IdentityPatterns.revokeSession, { refreshToken: dto.refreshToken });
  }

  @Get('me')
  @Policy({ roles: ALL_ROLES })
  @ApiOkResponse({ description: 'The signed-in account: role, programmes or organisation, signing authority' })
  @Returns('Principal')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  private requireLocalLogin(): void {
    if (this.config.auth.mode !== 'local') {
      throw problem('auth.sign_in_delegated');
    }
  }

  private async answer(session: SessionIssued): Promise<TokenResponse> {
    return {
      accessToken: await this.tokens.sign(session.account.id, session.sessionId),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.refreshExpiresAt,
      user: session.account,
    };
  }
}
