import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../tokens';
import { AuthModule } from '../auth/auth.module';
import { STRICT_RATE_LIMIT_KEY } from '../auth/policy';
import { PolicyGuard } from '../auth/policy.guard';
import { HttpThrottlerGuard } from '../auth/throttler.guard';
import { ForgetPrincipalsAfterWrites } from '../auth/principal-cache';
import { AllExceptionsFilter } from './all-exceptions.filter';

const MINUTE_MS = 60_000;
const isCredentialRoute = (ctx: ExecutionContext): boolean => Reflect.getMetadata(STRICT_RATE_LIMIT_KEY, ctx.getHandler()) === true;

/**
 * The gates every request passes, in this order: the rate limit (per signed-in user, by a
 * token check without a database query; per address before sign-in: a flood is turned away
 * before it costs a database query), then the access policy. Plus the
 * error filter that keeps internals out of answers.
 */
@Module({
  imports: [
    AuthModule,
    ThrottlerModule.forRootAsync({
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig): ThrottlerModuleOptions => ({
        errorMessage: 'Too many requests; please wait a moment and try again',
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.security.rateLimitPerMinute },
          // Login, refresh, logout: a much lower limit per address, against password guessing.
          { name: 'credentials', ttl: MINUTE_MS, limit: config.security.loginRateLimitPerMinute, skipIf: (ctx) => !isCredentialRoute(ctx) },
        ],
      }),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: HttpThrottlerGuard },
    { provide: APP_GUARD, useExisting: PolicyGuard },
    // A write may change who anyone is: the cached principals are forgotten when it is handled.
    { provide: APP_INTERCEPTOR, useExisting: ForgetPrincipalsAfterWrites },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class SecurityModule {}
