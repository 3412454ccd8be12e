import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ALL_ROLES, ROLES, type Role, type ScopeKind } from '@genq/contracts';

export { ALL_ROLES, ROLES };
export type { Role, ScopeKind };

/** Where the guard finds the id of a record the request names: a route parameter, a body or a query field. */
export type ScopeRef = `params.${string}` | `body.${string}` | `query.${string}`;

/**
 * Who may call a route. Every HTTP route declares one with {@link Policy} or is
 * {@link Public}; the guard refuses a route that declares neither, and the route test
 * fails on it.
 */
export interface PolicyOptions {
  /** Roles that may call the route at all. Any other signed-in user gets 403, before anything is looked up. */
  roles: readonly Role[];
  /**
   * Records the request names that must lie in the caller's scope, e.g.
   * `{ quarter: 'params.id' }`. Outside the scope (or not existing) the answer is 404 for
   * a route parameter, and 400 "unknown <kind>" for a body or query field, the same as
   * for an id that does not exist, so that existence never leaks.
   */
  scope?: Partial<Record<ScopeKind, ScopeRef>>;
  /** The route answers a list of this kind that the owning service filters to the caller's scope. */
  lists?: ScopeKind;
  /** Upserts: an id that exists nowhere passes the scope check (the service creates it within the caller's scope). */
  mayCreate?: boolean;
}

export const POLICY_KEY = 'genq:policy';
export const PUBLIC_KEY = 'genq:public';
export const STRICT_RATE_LIMIT_KEY = 'genq:strict-rate-limit';

/**
 * Declares who may call a route:
 *
 * ```ts
 * @Post(':id/interventions')
 * @Policy({ roles: ['programme_admin', 'operator'], scope: { quarter: 'params.id' } })
 * intervene(@Param('id') id: string, @CurrentActor() actor: Actor) { ... }
 * ```
 */
export function Policy(options: PolicyOptions): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(POLICY_KEY, Object.freeze({ ...options, roles: [...options.roles] })),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({ description: `Only for: ${options.roles.join(', ')}` }),
    ...(options.scope ? [ApiNotFoundResponse({ description: 'Not found, or outside your scope' })] : []),
  );
}

/** A route anyone may call without signing in (health, login). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}

/** The stricter rate limit of credential routes (login, refresh), against password guessing. */
export function StrictRateLimit(): MethodDecorator & ClassDecorator {
  return SetMetadata(STRICT_RATE_LIMIT_KEY, true);
}
