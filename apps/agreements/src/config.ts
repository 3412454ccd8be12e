import { EnvReader, readServiceConfig, type ServiceConfig } from '@genq/service-kit';

export type AgreementsConfig = ServiceConfig;

export function readAgreementsConfig(env: Record<string, string | undefined> = process.env): AgreementsConfig {
  const r = new EnvReader(env);
  const config = readServiceConfig(r, 'agreements');
  r.done();
  return config;
}
