import { EnvReader, readServiceConfig, type ServiceConfig } from '@genq/service-kit';

export type ActorsConfig = ServiceConfig;

/** All configuration of the actors service, checked once at start-up. */
export function readActorsConfig(env: Record<string, string | undefined> = process.env): ActorsConfig {
  const r = new EnvReader(env);
  const config = readServiceConfig(r, 'actors', 4001);
  r.done();
  return config;
}
