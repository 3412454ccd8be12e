import type { NotificationDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';

/** `NotificationDto` of `@genq/contracts`, as the outbox lists it (without the internal idempotency key). */
export interface NotificationRecord extends RaRecord<string>, Omit<NotificationDto, 'idempotencyKey'> {}
