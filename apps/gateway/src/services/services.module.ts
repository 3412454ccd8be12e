import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE, AGREEMENTS_SERVICE, ANALYSIS_SERVICE } from '@genq/contracts';
import { tcpClient } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { ServiceClients } from './service-clients';

/** TCP clients to the three services, one per service, shared by every controller. */
@Global()
@Module({})
export class ServicesModule implements OnApplicationShutdown {
  constructor(
    @Inject(ACTORS_SERVICE) private readonly actors: ClientProxy,
    @Inject(ANALYSIS_SERVICE) private readonly analysis: ClientProxy,
    @Inject(AGREEMENTS_SERVICE) private readonly agreements: ClientProxy,
  ) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: ServicesModule,
      providers: [
        { provide: ACTORS_SERVICE, useFactory: () => tcpClient(config.services.actors) },
        { provide: ANALYSIS_SERVICE, useFactory: () => tcpClient(config.services.analysis) },
        { provide: AGREEMENTS_SERVICE, useFactory: () => tcpClient(config.services.agreements) },
        ServiceClients,
      ],
      exports: [ServiceClients],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.actors.close(), this.analysis.close(), this.agreements.close()]);
  }
}
