import { AUDIT_LABELS } from '@genq/contracts';

/**
 * Audit-log labels in the console's languages, under `genq_audit.*`: the same words as the
 * gateway's CSV export, from the contracts (audit-labels.ts). Spread into de.ts and en.ts.
 */
export const auditGerman = { genq_audit: AUDIT_LABELS.de };
export const auditEnglish = { genq_audit: AUDIT_LABELS.en };
