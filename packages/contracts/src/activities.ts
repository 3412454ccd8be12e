import type { AuditActor, AuditRecordCommand } from './audit';
import type { NotificationRequest, ProjectProcessStateCommand } from './messages';
import type { BatchItemResult, Intervention } from './process';

/**
 * Activities the process worker offers to workflows. Workflows import this interface as a
 * type only; the worker implements it as thin adapters over the services.
 */
export interface ProcessActivities {
  /** Projects the quarter's process state into the read model (idempotent by version). */
  projectProcessState(cmd: ProjectProcessStateCommand): Promise<void>;
  /** Puts a reminder or escalation into the outbox and mails it when SMTP is configured (idempotent by key). */
  sendNotification(n: NotificationRequest): Promise<{ status: string }>;
  /**
   * Appends the audit entry of an intervention or a reported event the workflow applied
   * (idempotent by `key`): these writes have no service transaction, so the process records them.
   */
  recordAudit(entry: AuditRecordCommand & { key: string }): Promise<void>;
}

export interface BatchActivities {
  /** Applies one intervention to one quarter's workflow; a refusal is a result, not an error. */
  applyIntervention(args: { quarterId: string; intervention: Intervention; batchId?: string; auditActor?: AuditActor }): Promise<BatchItemResult>;
  /**
   * The same for a page of a batch's quarters at once, one result per quarter in their order:
   * one activity instead of one per quarter. Fails as a whole when a quarter's outcome is not
   * known (Temporal or the audit log away); its retry applies each quarter once (the
   * intervention's id per batch and quarter), and the batch asks quarter by quarter if it still fails.
   */
  applyInterventions(args: { quarterIds: string[]; intervention: Intervention; batchId: string; auditActor?: AuditActor }): Promise<BatchItemResult[]>;
}
