import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { PolicyGuard } from './policy.guard';
import { ForgetPrincipalsAfterWrites, PrincipalCache } from './principal-cache';

/** Login, refresh, logout, the signed-in user; the policy guard; route discovery for the route test. */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController],
  providers: [AccessTokens, PrincipalCache, ForgetPrincipalsAfterWrites, PolicyGuard],
  exports: [AccessTokens, PrincipalCache, ForgetPrincipalsAfterWrites, PolicyGuard],
})
export class AuthModule {}
