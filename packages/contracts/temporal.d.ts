export * from './dist/temporal';
