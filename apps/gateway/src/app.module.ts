import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from './config';
import { AccountsModule } from './accounts/accounts.module';
import { AgreementsModule } from './agreements/agreements.module';
import { AnalysisHttpModule } from './analysis/analysis.module';
import { AuditModule } from './audit/audit.module';
import { DashboardHttpModule } from './dashboard/dashboard.module';
import { TasksHttpModule } from './tasks/tasks.module';
import { EventsHttpModule } from './events/events.module';
import { GATEWAY_NATS_CONFIG } from './events/event-stream.service';
import { IncidentsHttpModule } from './incidents/incidents.module';
import { HealthController } from './health/health.controller';
import { OrganisationsModule } from './organisations/organisations.module';
import { ParticipationHttpModule } from './participation/participation.module';
import { SecurityModule } from './security/security.module';
import { ProcessModule } from './process/process.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { QuartersModule } from './quarters/quarters.module';
import { ServicesModule } from './services/services.module';
import { TemporalModule } from './temporal/temporal.module';
import { GATEWAY_CONFIG } from './tokens';
import { ObservabilityHealthModule } from '@genq/service-kit';

/** The HTTP gateway: no data of its own; it calls the services and Temporal. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        ServicesModule.forRoot(config),
        TemporalModule.forRoot(config),
        QuartersModule,
        ProgrammesModule,
        ProcessModule,
        EventsHttpModule,
        // issue 7: the gates every request passes, the audit log, accounts and organisations
        SecurityModule,
        AuditModule,
        AccountsModule,
        OrganisationsModule,
        // issue 4: the quarter analysis; participation events and quarter details
        AnalysisHttpModule,
        ParticipationHttpModule,
        // issue 5: goals, measures, Zielvereinbarung, certificates
        AgreementsModule,
        // issue 6: the operator dashboard and saved views
        DashboardHttpModule,
        TasksHttpModule,
        // issue 15: readiness through terminus, served on the management port
        ObservabilityHealthModule.forRoot({ database: false }),
        // issue 18: technical incidents
        IncidentsHttpModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: GATEWAY_NATS_CONFIG, useValue: config.nats },
      ],
      exports: [GATEWAY_CONFIG, GATEWAY_NATS_CONFIG],
    };
  }
}
