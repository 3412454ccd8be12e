import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { problem } from '@genq/service-kit';
import { AccessTokens } from './access-tokens';
import { verifiedBearer, type ThrottledRequest } from './bearer';
import { STRICT_RATE_LIMIT_KEY } from './policy';

/**
 * Rate limits for HTTP routes only (the internal message transport is not the public's to
 * flood). A signed-in user's requests count against their own budget, so colleagues behind
 * one proxy do not share one; requests without a valid token (anonymous ones, and the
 * credential routes login, refresh and logout, always) count against the client address.
 * The budget is picked only from a token whose signature verified: a forged or expired token
 * counts against its sender's address and cannot use up someone else's budget. Verifying
 * costs no database query, so a flood is still turned away before the policy guard asks a
 * service. Unlike the library's default, a client's count spans all routes of a limit, not
 * each route on its own: the credentials limit covers login, refresh and logout together.
 */
@Injectable()
export class HttpThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storageService: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {
    super(options, storageService, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(req: Record<string, unknown>, context?: ExecutionContext): Promise<string> {
    const address = `address:${await super.getTracker(req)}`;
    // Before sign-in by address, whatever the request carries: password guessing is limited per client.
    if (!context || Reflect.getMetadata(STRICT_RATE_LIMIT_KEY, context.getHandler()) === true) return address;
    const subject = (await verifiedBearer(this.tokens, req as unknown as Request as ThrottledRequest))?.subject;
    if (!subject) return address;
    return subject.kind === 'local' ? `account:${subject.accountId}` : `oidc:${subject.issuer}:${subject.subject}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  /** The standard Retry-After (seconds), besides the library's per-limit variant, and the same wait in the problem. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw problem('request.too_many', { retryAfter });
  }
}
