import { readFileSync } from 'node:fs';
import type { NatsConfig } from './events/nats';
/**
 * Configuration is read from the environment in one place per process and checked at
 * start-up. A bad or missing variable stops the process with a message that names it,
 * instead of failing later at first use.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Collects problems while reading variables; `done()` throws them all at once. */
export class EnvReader {
  private readonly problems: string[] = [];
  constructor(private readonly env: Env = process.env) {}

  string(name: string, fallback?: string): string {
    const v = this.env[name];
    if (v !== undefined && v !== '') return v;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required`);
    return '';
  }

  optional(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v === '' ? undefined : v;
  }

  int(name: string, fallback: number, { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 0, max: 65535 });
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    return fallback;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const v = this.string(name, fallback);
    if (!v) return v;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol.replace(/:$/, ''))) throw new Error('protocol');
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    }
    return v;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string; ssl: boolean };

/** `DB_TYPE` (sqlite, the embedded default, or postgres), `DB_PATH` or `DATABASE_URL`, `DB_SSL`. */
export function readDatabaseConfig(r: EnvReader, defaultSqlitePath: string): DatabaseConfig {
  const type = r.oneOf('DB_TYPE', ['sqlite', 'postgres'] as const, 'sqlite');
  if (type === 'sqlite') return { type, path: r.string('DB_PATH', defaultSqlitePath) };
  return { type, url: r.url('DATABASE_URL', ['postgres', 'postgresql']), ssl: r.bool('DB_SSL', false) };
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  tls?: { serverName?: string; clientCertPath?: string; clientKeyPath?: string; serverRootCaPath?: string };
}

/** `TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`, and `TEMPORAL_TLS*` for a secured cluster. */
export function readTemporalConfig(r: EnvReader): TemporalConfig {
  const address = r.string('TEMPORAL_ADDRESS', '127.0.0.1:7233');
  const namespace = r.string('TEMPORAL_NAMESPACE', 'default');
  const tlsOn = r.bool('TEMPORAL_TLS', false);
  if (!tlsOn) return { address, namespace };
  const clientCertPath = r.optional('TEMPORAL_TLS_CERT');
  const clientKeyPath = r.optional('TEMPORAL_TLS_KEY');
  if (Boolean(clientCertPath) !== Boolean(clientKeyPath)) {
    r.problem('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  }
  return {
    address,
    namespace,
    tls: {
      serverName: r.optional('TEMPORAL_TLS_SERVER_NAME'),
      clientCertPath,
      clientKeyPath,
      serverRootCaPath: r.optional('TEMPORAL_TLS_CA'),
    },
  };
}

export interface ServiceConfig {
  database: DatabaseConfig;
  /**
   * Where requests arrive and domain events travel. Absent in service tests, whose events
   * stay in the outbox (`startServiceForTest` gives the transport its own NATS server).
   */
  nats?: NatsConfig | null;
}

/**
 * `NATS_URL` (comma-separated for a cluster) and `NATS_STREAM_REPLICAS`. NATS carries both
 * the requests to the services and the domain events.
 */
export function readNatsConfig(r: EnvReader): NatsConfig {
  const url = r.string('NATS_URL', 'nats://127.0.0.1:4222');
  for (const part of url.split(',')) {
    try {
      const u = new URL(part.trim());
      if (!['nats:', 'tls:'].includes(u.protocol)) throw new Error('protocol');
    } catch {
      r.problem(`NATS_URL must be nats:// URLs separated by commas, got "${part}"`);
    }
  }
  return { url, streamReplicas: r.int('NATS_STREAM_REPLICAS', 1, { min: 1, max: 5 }) };
}

/**
 * What every microservice needs: the NATS it takes requests from (`NATS_URL`; replicas of a
 * service share its queue group, so they need no address of their own) and its own
 * database (`DB_*`, SQLite file `data/<name>.sqlite` by default).
 */
export function readServiceConfig(r: EnvReader, name: string): ServiceConfig {
  return {
    database: readDatabaseConfig(r, `data/${name}.sqlite`),
    nats: readNatsConfig(r),
  };
}

/** TLS material for a secured Temporal cluster, read from the configured files (shape of the SDK's TLSConfig). */
export function temporalTlsOptions(config: TemporalConfig):
  | { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } }
  | undefined {
  if (!config.tls) return undefined;
  const { serverName, clientCertPath, clientKeyPath, serverRootCaPath } = config.tls;
  return {
    ...(serverName ? { serverNameOverride: serverName } : {}),
    ...(serverRootCaPath ? { serverRootCACertificate: readFileSync(serverRootCaPath) } : {}),
    ...(clientCertPath && clientKeyPath ? { clientCertPair: { crt: readFileSync(clientCertPath), key: readFileSync(clientKeyPath) } } : {}),
  };
}
