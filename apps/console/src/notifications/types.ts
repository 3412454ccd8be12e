import type { RaRecord } from 'react-admin';

/** `NotificationDto` of `@genq/contracts`, as the outbox lists it. */
export interface NotificationRecord extends RaRecord<string> {
  quarterId: string;
  kind: 'before_due' | 'on_due' | 'overdue' | 'escalation' | 'stalled' | 'manual';
  deadlineKey: string | null;
  occurrence: number;
  recipientName: string | null;
  recipientEmail: string | null;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'not_mailed';
  createdAt: string;
  sentAt: string | null;
}
