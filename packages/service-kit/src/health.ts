import { Controller, Inject, Optional, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { ServiceHealth } from '@genq/contracts';
import type { ServiceConfig } from './config';
import { OutboxEventRow } from './events/entities';
import { ServiceEventBus } from './events/bus';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** A message handler answering `pattern` with the service's database health and its event outbox. */
export function healthControllerFor(service: string, pattern: string): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(
      private readonly dataSource: DataSource,
      @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
      @Optional() private readonly bus?: ServiceEventBus,
    ) {}

    @MessagePattern(pattern)
    async health(): Promise<ServiceHealth> {
      try {
        await this.dataSource.query('SELECT 1');
        return { service, database: { type: this.config.database.type, up: true }, ...(this.bus ? { events: await this.outbox(this.bus) } : {}) };
      } catch (err) {
        return { service, database: { type: this.config.database.type, up: false, error: err instanceof Error ? err.message : String(err) } };
      }
    }

    private async outbox(bus: ServiceEventBus): Promise<NonNullable<ServiceHealth['events']>> {
      const waiting = this.dataSource.getRepository(OutboxEventRow).createQueryBuilder('e').where('e.publishedAt IS NULL');
      const [unpublished, oldest] = await Promise.all([waiting.getCount(), waiting.clone().orderBy('e.seq', 'ASC').getOne()]);
      return { connected: bus.connected, unpublished, oldestUnpublishedAt: oldest?.occurredAt.toISOString() ?? null };
    }
  }
  return HealthController;
}
