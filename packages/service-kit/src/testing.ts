import { createServer } from 'node:net';
import type { DynamicModule, INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RpcErrorPayload } from '@genq/contracts';
import type { ServiceConfig } from './config';
import { ServiceError, request, tcpClient } from './rpc-client';
import { startMicroservice } from './service';

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServiceUnderTest {
  app: INestMicroservice;
  /** Where the service listens, for a gateway under test to call it. */
  endpoint: { host: string; port: number };
  send<T>(pattern: string, payload: unknown): Promise<T>;
  /** Sends and expects a typed refusal; returns its payload. */
  refusal(pattern: string, payload: unknown): Promise<RpcErrorPayload>;
  /** SQL that the schema builder would still run: empty when migrations match the entities. */
  schemaDrift(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Starts a service as it runs in production (TCP transport, its pipes and filters,
 * migrations on its own database) and talks to it over a real TCP client.
 */
export async function startServiceForTest<C extends ServiceConfig>(
  name: string,
  moduleFor: (config: C) => DynamicModule,
  config: Omit<C, 'endpoint'>,
): Promise<ServiceUnderTest> {
  const endpoint = { host: '127.0.0.1', port: await freeLoopbackPort() };
  const app = await startMicroservice(name, moduleFor({ ...config, endpoint } as C), endpoint);
  const client = tcpClient(endpoint);
  const send = <T>(pattern: string, payload: unknown) => request<T>(client, name, pattern, payload);
  return {
    app,
    endpoint,
    send,
    async refusal(pattern, payload) {
      try {
        await send(pattern, payload);
      } catch (e) {
        if (e instanceof ServiceError) return e.payload;
        throw e;
      }
      throw new Error(`expected ${name} to refuse ${pattern}`);
    },
    async schemaDrift() {
      const log = await app.get(DataSource).driver.createSchemaBuilder().log();
      return log.upQueries.map((q) => q.query);
    },
    async close() {
      client.close();
      await app.close();
    },
  };
}
