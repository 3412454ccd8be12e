import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { problem } from '@genq/service-kit';

/**
 * Rate limits per client address, for HTTP routes only (the internal message transport is
 * not the public's to flood). Unlike the library's default, a client's count spans all
 * routes of a limit, not each route on its own: the credentials limit covers login,
 * refresh and logout together.
 */
@Injectable()
export class HttpThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
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
