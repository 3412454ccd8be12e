import type { ClientProxy } from '@nestjs/microservices';
import { ApplicationFailure } from '@temporalio/common';
import {
  ActorsPatterns,
  AuditPatterns,
  type AuditRecordCommand,
  type NotificationDto,
  type NotificationRequest,
  type ProcessActivities,
  type ProjectProcessStateCommand,
} from '@genq/contracts';
import { request, ServiceError } from '@genq/service-kit';
import type { Mailer } from './mailer';

export interface ActivityDeps {
  actors: ClientProxy;
  mailer: Mailer | null;
}

/**
 * Activities are thin adapters: each forwards to the service that owns the data. A 4xx
 * answer is a business rejection that retrying cannot fix, so it fails without retry;
 * anything else (service down, timeout) is retried by Temporal.
 */
export function createProcessActivities({ actors, mailer }: ActivityDeps): ProcessActivities {
  return {
    async projectProcessState(cmd: ProjectProcessStateCommand): Promise<void> {
      await call(() => request(actors, 'actors', ActorsPatterns.projectProcessState, cmd));
    },

    /**
     * Outbox first (idempotent by key), then mail if configured and not yet sent. A retry
     * or a replay finds the stored entry and its status, so nothing goes out twice.
     */
    async sendNotification(req: NotificationRequest): Promise<{ status: string }> {
      const entry = await call(() => request<NotificationDto>(actors, 'actors', ActorsPatterns.enqueueNotification, req));
      if (entry.status === 'sent' || !mailer) return { status: entry.status };
      const to = mailer.addressOf(entry);
      if (!to) return { status: entry.status };
      await mailer.send(entry, to);
      const sent = await call(() => request<NotificationDto>(actors, 'actors', ActorsPatterns.markNotificationSent, entry.id));
      return { status: sent.status };
    },

    /** The audit log keeps the entry once per key: a retry after a crash appends nothing. */
    async recordAudit(entry: AuditRecordCommand & { key: string }): Promise<void> {
      await call(() => request(actors, 'actors', AuditPatterns.record, entry));
    },
  };
}

export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ServiceError && err.payload.status < 500) {
      throw ApplicationFailure.create({ message: err.message, type: `Service${err.payload.status}`, nonRetryable: true, details: [err.payload] });
    }
    throw err;
  }
}
