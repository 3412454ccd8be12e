import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsPatterns } from '@genq/contracts';
import { SERVICE_CONFIG, dataSourceOptions, healthControllerFor } from '@genq/service-kit';
import type { AgreementsConfig } from './config';

/**
 * The agreements service: goals, measures, Handlungskonzept, Zielvereinbarung, reports and
 * certificates will live here, in its own database. So far it owns the database and its
 * migration history only (see the agreements issue).
 */
@Module({})
export class AgreementsModule {
  static forRoot(config: AgreementsConfig): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, [], []), retryAttempts: 3 })],
      controllers: [healthControllerFor('agreements', AgreementsPatterns.health)],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
    };
  }
}
