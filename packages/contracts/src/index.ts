/**
 * @packageDocumentation
 * The one place where processes agree on names and shapes: task queues, workflow ids,
 * signals and queries, workflow inputs, microservice message patterns and DTO types.
 * Importable from workflow code: nothing here touches Node-only modules.
 */
export * from './process';
export * from './messages';
export * from './activities';
export * from './auth';
export * from './actors';
export * from './people';
export * from './audit';
export * from './analysis';
export * from './agreements';
export * from './dashboard';
export * from './events';
export * from './problems';
export * from './spreadsheet';
export * from './documents';
export * from './quarter-import';
export * from './incidents';
export * from './tasks';
export * from './audit-labels';
export * from './audit-text';
