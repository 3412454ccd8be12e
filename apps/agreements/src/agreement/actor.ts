import type { Actor, SignerDto } from '@genq/contracts';
import { invalidFields, problem } from '@genq/service-kit';
import { requireRole } from '../concept/concept.service';

export { requireActor } from '@genq/service-kit';

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) throw invalidFields({ field, code: 'validation.isUuid' });
  return value;
}

/**
 * Checks that refuse a signature (of a version or an amendment): role, own person, own
 * organisation, authority. Made after the record to sign was found, so an unknown version or
 * amendment answers 404 first.
 */
export function checkSigner(actor: Actor, signer: SignerDto): void {
  requireRole(actor, ['partner'], 'sign_agreements');
  if (signer.accountId !== actor.userId) throw problem('signature.not_own_person');
  if (!signer.organisationId || signer.organisationId !== actor.organisationId) throw problem('signature.not_own_organisation');
  if (!signer.canSign) throw problem('signature.no_authority');
}
