import { randomUUID } from 'node:crypto';
import type { Actor, SignerDto } from '@genq/contracts';

/** A signed-in person of the given role (and organisation), as the gateway hands it to the service. */
export const person = (role: Actor['role'], organisationId: string | null): Actor => ({ userId: randomUUID(), email: `${randomUUID()}@genq.example`, role, programmeIds: [], organisationId });

/** Who signs: the person's account, organisation and signing authority, as the gateway builds it. */
export const signerOf = (actor: Actor, type: string, name: string, canSign = true): SignerDto => ({
  accountId: actor.userId,
  organisationId: actor.organisationId,
  organisationName: name,
  organisationType: type,
  canSign,
});
