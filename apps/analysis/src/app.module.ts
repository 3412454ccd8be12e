import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalysisPatterns } from '@genq/contracts';
import { NATS_CONFIG, SERVICE_CONFIG, ServiceEventBus, dataSourceOptions, healthControllerFor } from '@genq/service-kit';
import { AnalysesModule } from './analyses/analyses.module';
import { CataloguesModule } from './catalogues/catalogues.module';
import { DocumentsModule } from './documents/documents.module';
import type { AnalysisConfig } from './config';
import { analysisEntities } from './entities';
import { analysisMigrations } from './migrations';

/** The analysis service: catalogue versions, indicators, self-assessment, profiles, in its own database. */
@Module({})
export class AnalysisModule {
  static forRoot(config: AnalysisConfig): DynamicModule {
    return {
      module: AnalysisModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, analysisEntities, analysisMigrations), retryAttempts: 3 }),
        CataloguesModule,
        AnalysesModule,
        DocumentsModule,
      ],
      controllers: [healthControllerFor('analysis', AnalysisPatterns.health)],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }, { provide: NATS_CONFIG, useValue: config.nats ?? null }, ServiceEventBus],
      exports: [SERVICE_CONFIG, ServiceEventBus],
    };
  }
}
