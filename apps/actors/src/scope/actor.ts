import { ROLES, type Actor, type Role } from '@genq/contracts';
import { rpcError } from '@genq/service-kit';

/**
 * The acting user of a request that must carry one. A missing or malformed actor is a bug
 * in the caller, answered with 400 rather than served unscoped.
 */
export function requireActor(actor: unknown): Actor {
  const a = actor as Partial<Actor> | undefined;
  if (
    !a ||
    typeof a.userId !== 'string' ||
    typeof a.email !== 'string' ||
    !ROLES.includes(a.role as Role) ||
    !Array.isArray(a.programmeIds) ||
    !a.programmeIds.every((p) => typeof p === 'string') ||
    (a.organisationId !== null && typeof a.organisationId !== 'string')
  ) {
    throw rpcError(400, 'Validation failed', { actor: 'actor is required: userId, email, role, programmeIds, organisationId' });
  }
  return a as Actor;
}

/**
 * The service's own check of a write, after the gateway's: a role that may not do this
 * at all gets 403 (what it may see is decided by scope, answered with 404).
 */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw rpcError(403, `The role ${actor.role} may not do this`);
}
