import type { EntityManager } from 'typeorm';
import type { AgreementVersionDto, AmendmentDto } from '@genq/contracts';
import { recordAudit, type AuditEntryInput } from '@genq/service-kit';

/**
 * Records the audit entry of an agreements change in the outbox, inside the transaction of
 * the change (see `recordAudit`): the actors service appends it to the audit log.
 */
export function auditChange(em: EntityManager, entry: AuditEntryInput): Promise<unknown> {
  return recordAudit(em, 'agreements', entry);
}

/** The audit log keeps the status and signatures of a version, not the whole snapshot again. */
export function versionSummary(v: AgreementVersionDto) {
  return { id: v.id, number: v.number, status: v.status, contentHash: v.contentHash, signatures: v.signatures.map((s) => ({ organisationId: s.organisationId, role: s.role, accountId: s.accountId })) };
}

/** The audit log keeps an amendment's status, changes and versions, not the whole snapshot. */
export function amendmentSummary(a: AmendmentDto) {
  return {
    id: a.id,
    status: a.status,
    description: a.description,
    changes: a.changes,
    baseVersionId: a.baseVersionId,
    versionId: a.versionId,
    versionStatus: a.version.status,
    contentHash: a.version.contentHash,
    confirmedBy: a.confirmedBy,
  };
}
