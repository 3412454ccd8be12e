import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE, AGREEMENTS_SERVICE, ANALYSIS_SERVICE } from '@genq/contracts';
import { natsClient } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { ServiceClients } from './service-clients';

const RPC_CLIENT = Symbol('RPC_CLIENT');

/**
 * One NATS client for requests to the three services (the message pattern is the subject;
 * each service's queue group picks one replica), shared by every controller.
 */
@Global()
@Module({})
export class ServicesModule implements OnApplicationShutdown {
  constructor(@Inject(RPC_CLIENT) private readonly client: ClientProxy) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: ServicesModule,
      providers: [
        { provide: RPC_CLIENT, useFactory: () => natsClient(config.nats, 'genq-gateway') },
        { provide: ACTORS_SERVICE, useExisting: RPC_CLIENT },
        { provide: ANALYSIS_SERVICE, useExisting: RPC_CLIENT },
        { provide: AGREEMENTS_SERVICE, useExisting: RPC_CLIENT },
        ServiceClients,
      ],
      exports: [ServiceClients],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
