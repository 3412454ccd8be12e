import type { Actor, OperatorRef } from '@genq/contracts';

/** The signed-in user as the operator an intervention is recorded under. */
export function operatorOf(actor: Actor): OperatorRef {
  return { id: actor.userId, name: actor.email };
}
