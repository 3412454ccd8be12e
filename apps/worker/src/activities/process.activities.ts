import type { ClientProxy } from '@nestjs/microservices';
import { ApplicationFailure } from '@temporalio/common';
import { ActorsPatterns, type ProcessActivities, type ProjectProcessStateCommand } from '@genq/contracts';
import { request, ServiceError } from '@genq/service-kit';

export interface ActivityDeps {
  actors: ClientProxy;
}

/**
 * Activities are thin adapters: each forwards to the service that owns the data. A 4xx
 * answer is a business rejection that retrying cannot fix, so it fails without retry;
 * anything else (service down, timeout) is retried by Temporal.
 */
export function createProcessActivities({ actors }: ActivityDeps): ProcessActivities {
  return {
    async projectProcessState(cmd: ProjectProcessStateCommand): Promise<void> {
      await call(() => request(actors, 'actors', ActorsPatterns.projectProcessState, cmd));
    },
  };
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ServiceError && err.payload.status < 500) {
      throw ApplicationFailure.create({ message: err.message, type: `Service${err.payload.status}`, nonRetryable: true, details: [err.payload] });
    }
    throw err;
  }
}
