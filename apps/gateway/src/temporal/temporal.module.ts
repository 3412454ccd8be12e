import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { temporalTlsOptions } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from '../tokens';

/**
 * The Temporal client. The connection is lazy, so the gateway starts (and reports the
 * outage on /api/health) while Temporal is still coming up.
 */
@Global()
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: TemporalModule,
      providers: [
        {
          provide: TEMPORAL_CONNECTION,
          useFactory: () => Connection.lazy({ address: config.temporal.address, tls: temporalTlsOptions(config.temporal) }),
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          // Starts, signals and updates carry the request's trace into the workflow.
          useFactory: (connection: Connection) => new Client({ connection, namespace: config.temporal.namespace, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
        },
      ],
      exports: [TEMPORAL_CLIENT, TEMPORAL_CONNECTION],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
