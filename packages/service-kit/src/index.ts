/**
 * @packageDocumentation
 * NestJS and TypeORM plumbing shared by the services, the gateway and the worker:
 * validated configuration, database options, typed RPC errors and clients, list queries.
 */
export * from './config';
export * from './database';
export * from './sqlite-statistics';
export * from './errors';
export * from './rpc-client';
export * from './service';
export * from './list-query';
export * from './health';
export * from './testing';
export * from './actor';
export * from './events';
export * from './audit';
export * from './spreadsheet';
export * from './observability';
