import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsPatterns } from '@genq/contracts';
import { NATS_CONFIG, SERVICE_CONFIG, ServiceEventBus, dataSourceOptions, healthControllerFor } from '@genq/service-kit';
import { CertificateLifecycle } from './agreement/certificates';
import { OrganisationMergeFollower } from './concept/organisation-merges';
import { WeakFieldsFollower } from './concept/weak-fields';
import { AgreementService } from './agreement/agreement.service';
import { AgreementsController } from './agreements.controller';
import { ConceptService } from './concept/concept.service';
import { GoalsWorkshopService } from './concept/goals-workshop';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { ImplementationService } from './implementation/implementation.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import type { AgreementsConfig } from './config';
import { agreementsEntities } from './entities';
import { agreementsMigrations } from './migrations';

/**
 * The agreements service: goals, measures, the Handlungskonzept, Zielvereinbarung versions
 * with their signatures, the review and the certificate, in its own database. It knows no
 * Temporal: every change records its domain events in the outbox (same transaction), the
 * relay publishes them to NATS, and the process's own decisions come back the same way.
 */
@Module({})
export class AgreementsModule {
  static forRoot(config: AgreementsConfig): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, agreementsEntities, agreementsMigrations), retryAttempts: 3 })],
      controllers: [healthControllerFor('agreements', AgreementsPatterns.health), AgreementsController, DashboardController, TasksController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: NATS_CONFIG, useValue: config.nats ?? null },
        ServiceEventBus,
        CertificateLifecycle,
        WeakFieldsFollower,
        OrganisationMergeFollower,
        ConceptService,
        GoalsWorkshopService,
        AgreementService,
        ImplementationService,
        DashboardService,
        TasksService,
      ],
    };
  }
}
