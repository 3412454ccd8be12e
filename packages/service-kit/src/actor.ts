import { ROLES, type Actor, type Role } from '@genq/contracts';
import { rpcError } from './errors';

/**
 * The acting user a message must carry (every service re-checks writes against it). A
 * missing or malformed actor is a bug in the caller, answered with 400 rather than served
 * unscoped.
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
