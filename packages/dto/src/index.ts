/**
 * @packageDocumentation
 * Request DTO classes with their validation rules and OpenAPI descriptions. The gateway
 * validates HTTP bodies with them; the services validate the same classes again on RPC.
 */
export * from './quarters';
export * from './programmes';
export * from './auth';
export * from './organisations';
export * from './people';
export * from './actors';
export * from './interventions';
export * from './agreements';
export * from './analysis';
export * from './dashboard';
export * from './incidents';
