import { resolve } from 'node:path';
import { EnvReader, readServiceConfig, type ServiceConfig } from '@genq/service-kit';

export interface AnalysisConfig extends ServiceConfig {
  /** The programme's default catalogue, imported once as its first version. */
  catalogueSeedPath: string;
}

export function readAnalysisConfig(env: Record<string, string | undefined> = process.env): AnalysisConfig {
  const r = new EnvReader(env);
  const config = {
    ...readServiceConfig(r, 'analysis'),
    catalogueSeedPath: r.string('CATALOGUE_SEED_PATH', resolve(__dirname, '../seed/catalogue-genq-default-1.0.0.json')),
  };
  r.done();
  return config;
}
