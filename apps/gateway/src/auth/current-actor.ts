import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@genq/contracts';
import { problem } from '@genq/service-kit';
import type { GatewayRequest, Principal } from './request-context';

/** The acting user that service calls carry (the services check writes against it again). */
export function actorOf(principal: Principal, requestId?: string): Actor {
  return {
    userId: principal.id,
    email: principal.email,
    role: principal.role,
    programmeIds: principal.programmeIds,
    organisationId: principal.organisationId,
    ...(requestId ? { requestId } : {}),
  };
}

function principalOf(ctx: ExecutionContext): { principal: Principal; requestId?: string } {
  const req = ctx.switchToHttp().getRequest<GatewayRequest>();
  // Only a route without a policy (or a public one) can get here without a principal: a bug.
  if (!req.principal) throw problem('internal.error');
  return { principal: req.principal, requestId: req.requestId };
}

/** Handler parameter: the signed-in user as an {@link Actor} for service calls. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const { principal, requestId } = principalOf(ctx);
  return actorOf(principal, requestId);
});

/** Handler parameter: the signed-in user's account. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => principalOf(ctx).principal);
