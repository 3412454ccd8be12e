import 'reflect-metadata';
import { Logger, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { AuditContextInterceptor } from './audit';
import { RpcErrorFilter, rpcValidationPipe } from './errors';
import { ConfigError, type Endpoint } from './config';

/**
 * Starts one NestJS microservice on TCP with the shared error filter and validation pipe,
 * so every service answers errors the same way, and the audit context interceptor, so every
 * handler knows who asked (see `recordAudit`).
 */
export async function startMicroservice(
  name: string,
  module: Type<unknown> | DynamicModule,
  endpoint: Endpoint,
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    transport: Transport.TCP,
    options: { host: endpoint.host, port: endpoint.port },
    logger: ['error', 'warn', 'log'],
  });
  app.useGlobalInterceptors(new AuditContextInterceptor());
  app.useGlobalPipes(rpcValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  new Logger(name).log(`listening on tcp://${endpoint.host}:${endpoint.port}`);
  return app;
}

/**
 * Entry point of a service process: reads configuration (a bad variable ends the process
 * with a message naming it), then starts the microservice.
 */
export function runService<C extends { endpoint: Endpoint }>(
  name: string,
  readConfig: () => C,
  moduleFor: (config: C) => DynamicModule,
): void {
  let config: C;
  try {
    config = readConfig();
  } catch (err) {
    console.error(`${name}: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
  startMicroservice(name, moduleFor(config), config.endpoint).catch((err: unknown) => {
    console.error(`${name} failed to start:`, err);
    process.exit(1);
  });
}
