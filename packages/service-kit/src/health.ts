import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { ServiceHealth } from '@genq/contracts';
import type { ServiceConfig } from './config';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** A message handler answering `pattern` with the service's database health. */
export function healthControllerFor(service: string, pattern: string): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(
      private readonly dataSource: DataSource,
      @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    ) {}

    @MessagePattern(pattern)
    async health(): Promise<ServiceHealth> {
      try {
        await this.dataSource.query('SELECT 1');
        return { service, database: { type: this.config.database.type, up: true } };
      } catch (err) {
        return { service, database: { type: this.config.database.type, up: false, error: err instanceof Error ? err.message : String(err) } };
      }
    }
  }
  return HealthController;
}
