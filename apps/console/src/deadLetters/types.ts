import type { RaRecord } from 'react-admin';

/** One event a consumer gave up on, as `GET /api/dead-letters` lists it. */
export interface DeadLetterRecord extends RaRecord<string> {
  consumer: string;
  subject: string;
  eventId: string | null;
  eventType: string | null;
  quarterId: string | null;
  error: string;
  deliveries: number;
  failedAt: string;
}
