import { EnvReader, readEndpoint, readTemporalConfig, type Endpoint, type TemporalConfig } from '@genq/service-kit';
import { PROCESS_TASK_QUEUE } from '@genq/contracts';

export interface WorkerConfig {
  temporal: TemporalConfig;
  taskQueue: string;
  actors: Endpoint;
}

export function readWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const r = new EnvReader(env);
  const config = {
    temporal: readTemporalConfig(r),
    taskQueue: r.string('TEMPORAL_TASK_QUEUE', PROCESS_TASK_QUEUE),
    actors: readEndpoint(r, 'ACTORS', 4001),
  };
  r.done();
  return config;
}
