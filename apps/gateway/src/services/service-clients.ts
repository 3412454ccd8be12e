import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE, AGREEMENTS_SERVICE, ANALYSIS_SERVICE } from '@genq/contracts';
import { request, toHttpException } from '@genq/service-kit';

export type ServiceName = 'actors' | 'analysis' | 'agreements';

/**
 * Calls a service and maps its typed errors back to HTTP (a 400 inside a service is a
 * 400 here, an unreachable service a 503), so controllers just await the answer.
 */
@Injectable()
export class ServiceClients {
  private readonly clients: Record<ServiceName, ClientProxy>;

  constructor(
    @Inject(ACTORS_SERVICE) actors: ClientProxy,
    @Inject(ANALYSIS_SERVICE) analysis: ClientProxy,
    @Inject(AGREEMENTS_SERVICE) agreements: ClientProxy,
  ) {
    this.clients = { actors, analysis, agreements };
  }

  async send<T>(service: ServiceName, pattern: string, payload: unknown, timeoutMs?: number): Promise<T> {
    try {
      return await request<T>(this.clients[service], service, pattern, payload, timeoutMs);
    } catch (err) {
      throw toHttpException(err);
    }
  }
}
