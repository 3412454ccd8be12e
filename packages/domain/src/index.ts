/**
 * @packageDocumentation
 * Pure domain logic of GenQ: no I/O, no framework. Safe to use in workflow code.
 */
export * from './duration';
export * from './catalogue';
export * from './calendar';
export * from './profile';
