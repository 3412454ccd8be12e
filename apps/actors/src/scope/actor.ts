import type { Actor, Role } from '@genq/contracts';
import { problem } from '@genq/service-kit';

/** One definition for every service: see @genq/service-kit. */
export { requireActor } from '@genq/service-kit';

/**
 * The service's own check of a write, after the gateway's: a role that may not do this
 * at all gets 403 (what it may see is decided by scope, answered with 404).
 */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw problem('role.not_allowed', { role: actor.role });
}
