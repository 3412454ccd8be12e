import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { PolicyGuard } from './policy.guard';

/** Login, refresh, logout, the signed-in user; the policy guard; route discovery for the route test. */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController],
  providers: [AccessTokens, PolicyGuard],
  exports: [AccessTokens, PolicyGuard],
})
export class AuthModule {}
