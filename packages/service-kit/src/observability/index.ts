export * from './telemetry';
export * from './logging';
export * from './metrics';
export * from './management';
export * from './health.module';
