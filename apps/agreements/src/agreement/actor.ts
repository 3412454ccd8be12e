import { ROLES, type Actor, type Role } from '@genq/contracts';
import { rpcError } from '@genq/service-kit';

/** The acting user of a message whose payload is not a validated DTO class. */
export function requireActor(actor: unknown): Actor {
  const a = actor as Partial<Actor> | undefined;
  if (
    !a ||
    typeof a.userId !== 'string' ||
    typeof a.email !== 'string' ||
    !ROLES.includes(a.role as Role) ||
    !Array.isArray(a.programmeIds) ||
    (a.organisationId !== null && typeof a.organisationId !== 'string')
  ) {
    throw rpcError(400, 'Validation failed', { actor: 'actor is required: the user on whose behalf the service acts' });
  }
  return a as Actor;
}

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) throw rpcError(400, 'Validation failed', { [field]: `${field} must be a UUID` });
  return value;
}
