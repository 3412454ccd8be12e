import {
  EnvReader,
  readNatsConfig,
  readTemporalConfig,
  type NatsConfig,
  type TemporalConfig,
} from '@genq/service-kit';
import { DEFAULT_BATCH_PARALLELISM, PROCESS_TASK_QUEUE } from '@genq/contracts';
import { readAuthConfig, type AuthConfig } from './auth/auth.config';
import { readSecurityConfig, type SecurityConfig } from './security/security.config';

export interface GatewayConfig {
  host: string;
  port: number;
  /** Origins the browser may call the API from (the console). */
  corsOrigins: string[];
  temporal: TemporalConfig;
  taskQueue: string;
  /** `BATCH_PARALLELISM`: quarters a batch intervention works on at once (default 24, at most 200). */
  batchParallelism: number;
  /** Requests to the services and the event streams, read for operators (`NATS_URL`). */
  nats: NatsConfig;
  /** Access tokens: local login or an OpenID Connect provider (issue 7). */
  auth: AuthConfig;
  /** Rate limits, body size limit, proxies (issue 7). */
  security: SecurityConfig;
}

export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const r = new EnvReader(env);
  const config: GatewayConfig = {
    host: r.string('GATEWAY_HOST', '127.0.0.1'),
    port: r.port('GATEWAY_PORT', 3000),
    corsOrigins: r
      .string('CORS_ORIGINS', 'http://localhost:5173,http://127.0.0.1:5173')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    temporal: readTemporalConfig(r),
    nats: readNatsConfig(r),
    taskQueue: r.string('TEMPORAL_TASK_QUEUE', PROCESS_TASK_QUEUE),
    batchParallelism: r.int('BATCH_PARALLELISM', DEFAULT_BATCH_PARALLELISM, { min: 1, max: 200 }),
    auth: readAuthConfig(r),
    security: readSecurityConfig(r),
  };
  r.done();
  return config;
}
