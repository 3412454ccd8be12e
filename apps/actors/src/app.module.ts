import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsPatterns } from '@genq/contracts';
import { NATS_CONFIG, SERVICE_CONFIG, ServiceEventBus, dataSourceOptions, healthControllerFor } from '@genq/service-kit';
import type { ActorsConfig } from './config';
import { actorsEntities } from './entities';
import { actorsMigrations } from './migrations';
import { AuditModule } from './audit/audit.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { defaultIdentityConfig } from './identity/identity.config';
import { IdentityModule } from './identity/identity.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { KickoffModule } from './kickoff/kickoff.module';
import { ParticipationModule } from './participation/participation.module';
import { PeopleModule } from './people/people.module';
import { ScopeModule } from './scope/scope.module';
import { IncidentsModule } from './incidents/incidents.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProgrammeReportModule } from './programmes/report/programme-report.module';
import { QuartersModule } from './quarters/quarters.module';
import { TasksModule } from './tasks/tasks.module';
import { DomainMetrics } from './metrics/domain-metrics';

/** The actors service: programmes, quarters (and soon organisations and people), in its own database. */
@Module({})
export class ActorsModule {
  static forRoot(config: ActorsConfig): DynamicModule {
    return {
      module: ActorsModule,
      // Global, so that modules (the audit log's appender) subscribe to the service's event bus.
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, actorsEntities, actorsMigrations), retryAttempts: 3 }),
        ProgrammesModule,
        QuartersModule,
        NotificationsModule,
        ScopeModule,
        AuditModule,
        IdentityModule.forRoot(config.identity ?? defaultIdentityConfig()),
        OrganisationsModule,
        ParticipationModule,
        KickoffModule,
        PeopleModule,
        DashboardModule,
        ProgrammeReportModule,
        // issue 18: technical incidents
        IncidentsModule,
        TasksModule,
      ],
      controllers: [healthControllerFor('actors', ActorsPatterns.health)],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }, { provide: NATS_CONFIG, useValue: config.nats ?? null }, ServiceEventBus, DomainMetrics],
      exports: [ServiceEventBus, NATS_CONFIG],
    };
  }
}
