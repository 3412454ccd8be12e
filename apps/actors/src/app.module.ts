import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsPatterns } from '@genq/contracts';
import { SERVICE_CONFIG, dataSourceOptions, healthControllerFor } from '@genq/service-kit';
import type { ActorsConfig } from './config';
import { actorsEntities } from './entities';
import { actorsMigrations } from './migrations';
import { ProgrammesModule } from './programmes/programmes.module';
import { QuartersModule } from './quarters/quarters.module';

/** The actors service: programmes, quarters (and soon organisations and people), in its own database. */
@Module({})
export class ActorsModule {
  static forRoot(config: ActorsConfig): DynamicModule {
    return {
      module: ActorsModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, actorsEntities, actorsMigrations), retryAttempts: 3 }),
        ProgrammesModule,
        QuartersModule,
      ],
      controllers: [healthControllerFor('actors', ActorsPatterns.health)],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
    };
  }
}
