import { ROLES, type Actor, type Role } from '@genq/contracts';
import { invalidFields } from './errors';

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
    // userId, email, role, programmeIds and organisationId are required.
    throw invalidFields({ field: 'actor', code: a ? 'validation.invalid' : 'validation.required' });
  }
  return a as Actor;
}
