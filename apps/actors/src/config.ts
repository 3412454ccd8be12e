import { EnvReader, readServiceConfig, type ServiceConfig } from '@genq/service-kit';
import { readIdentityConfig, type IdentityConfig } from './identity/identity.config';

export interface ActorsConfig extends ServiceConfig {
  /** Lockout, session lifetimes, the first admin; defaults when absent (tests). */
  identity?: IdentityConfig;
}

/** All configuration of the actors service, checked once at start-up. */
export function readActorsConfig(env: Record<string, string | undefined> = process.env): ActorsConfig {
  const r = new EnvReader(env);
  const config: ActorsConfig = { ...readServiceConfig(r, 'actors'), identity: readIdentityConfig(r) };
  r.done();
  return config;
}
