export * from './entities';
export * from './migration';
export * from './nats';
export * from './outbox';
export * from './relay';
export * from './consumer';
export * from './bus';
export * from './migration-trace';
