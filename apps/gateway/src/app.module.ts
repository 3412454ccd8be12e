import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from './config';
import { HealthController } from './health/health.controller';
import { ProgrammesModule } from './programmes/programmes.module';
import { QuartersModule } from './quarters/quarters.module';
import { ServicesModule } from './services/services.module';
import { TemporalModule } from './temporal/temporal.module';
import { GATEWAY_CONFIG } from './tokens';

/** The HTTP gateway: no data of its own; it calls the services and Temporal. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [ServicesModule.forRoot(config), TemporalModule.forRoot(config), QuartersModule, ProgrammesModule],
      controllers: [HealthController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
