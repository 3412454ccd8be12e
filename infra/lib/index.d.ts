/**
 * Types of @genq/infra (implemented in plain CommonJS in ./*.cjs, see index.cjs).
 * Everything here provisions real components from package registries only.
 */
import type { ChildProcess } from 'node:child_process';

/** Progress messages; defaults to console.log. */
export type Log = (message: string) => void;

// ports.cjs

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number>;
/** Resolves once host:port accepts TCP connections; rejects after timeoutMs. */
export function waitForPort(host: string, port: number, timeoutMs: number): Promise<void>;
/** Resolves once `url` answers with one of `okStatuses` (default any 2xx/3xx); `timeoutMs` defaults to 30 s. */
export function waitForHttp(url: string, options?: { timeoutMs?: number; okStatuses?: number[] }): Promise<void>;

// temporal.cjs

/** Tag of github.com/temporalio/cli built from the Go module proxy. */
export const TEMPORAL_CLI_VERSION: string;
/** Version of io.temporal:temporal-test-server resolved from Maven Central. */
export const TEST_SERVER_VERSION: string;

/**
 * Path to a Temporal CLI binary: `GENQ_TEMPORAL_BIN`, `temporal` on PATH, the cached build
 * under `${XDG_CACHE_HOME:-~/.cache}/genq/bin`, else a Go build into that cache (minutes).
 */
export function ensureTemporalBinary(options?: { log?: Log }): Promise<string>;

export type SearchAttributeTypeName = 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

export interface TemporalDevServerOptions {
  /** Temporal CLI binary; default {@link ensureTemporalBinary}. */
  bin?: string;
  /** SQLite file (its directory is created); omit for an in-memory server. */
  dbFile?: string;
  /** gRPC port; default a free port. */
  port?: number;
  /** Web UI port; default a free port. */
  uiPort?: number;
  /** Namespace created at start and awaited; default "default". */
  namespace?: string;
  /** Search attributes registered at start, e.g. `{ GenqQuarterId: 'Keyword' }`. */
  searchAttributes?: Record<string, SearchAttributeTypeName>;
  log?: Log;
  /** Server output; default `$TMPDIR/genq-temporal-<port>.log`. */
  logFile?: string;
  /** Default 90 s. */
  startupTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** `127.0.0.1:<port>`, for `Connection.connect({ address })`. */
  address: string;
  namespace: string;
  uiUrl: string;
  logFile: string;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after `timeoutMs` (default 10 s). Idempotent. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** Starts `temporal server start-dev` on 127.0.0.1; resolves once the namespace answers. */
export function startTemporalDevServer(options?: TemporalDevServerOptions): Promise<TemporalDevServer>;

/**
 * Path to an executable wrapper (`<port> --enable-time-skipping`) around Temporal's Java
 * time-skipping test server from Maven Central. Use it as
 * `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
 */
export function ensureTimeSkippingTestServer(options?: { log?: Log; version?: string }): Promise<string>;

// nats.cjs

/** Tag of github.com/nats-io/nats-server/v2 built from the Go module proxy. */
export const NATS_SERVER_VERSION: string;

/**
 * Path to a nats-server binary (2.2 or newer, for JetStream): `GENQ_NATS_BIN`, `nats-server`
 * on PATH, the cached build under `${XDG_CACHE_HOME:-~/.cache}/genq/bin`, else a Go build
 * into that cache (under a minute).
 */
export function ensureNatsServer(options?: { log?: Log }): Promise<string>;

export interface NatsServerOptions {
  /** nats-server binary; default {@link ensureNatsServer}. */
  bin?: string;
  /** JetStream's store directory (created); streams survive restarts on the same one. */
  storeDir: string;
  /** Client port; default a free port. */
  port?: number;
  /** HTTP monitoring port (`/healthz`, `/jsz`, `/varz`); default a free port. */
  monitorPort?: number;
  /** Server output, appended; default `$TMPDIR/genq-nats-<port>.log`. */
  logFile?: string;
  log?: Log;
  /** Default `genq-nats-<port>`: stable across restarts, as JetStream clustering needs. */
  serverName?: string;
  /** Cluster name when clustered; default "genq". */
  clusterName?: string;
  /** Route port on 127.0.0.1; giving it or `routes` makes the server a cluster node (default a free port then). */
  clusterPort?: number;
  /** Route URLs of the other nodes, e.g. `nats://127.0.0.1:6223`. */
  routes?: string[];
  /** Default 30 s. */
  startupTimeoutMs?: number;
}

export interface NatsServer {
  /** `nats://127.0.0.1:<port>`, for a client's `servers`. */
  url: string;
  port: number;
  /** `http://127.0.0.1:<monitorPort>`. */
  monitorUrl: string;
  storeDir: string;
  serverName: string;
  /** `nats://127.0.0.1:<clusterPort>` for a cluster node, else undefined. */
  clusterUrl?: string;
  logFile: string;
  process: ChildProcess;
  /** SIGTERM (a clean shutdown), then SIGKILL after `timeoutMs` (default 10 s). Idempotent. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** SIGKILL at once, as a crash would; resolves once the process is gone. Idempotent. */
  kill(): Promise<void>;
  /** Stops this server if it still runs and starts it again with the same ports, name and store dir. */
  restart(): Promise<NatsServer>;
}

/**
 * Starts `nats-server -js` on 127.0.0.1; resolves once `/healthz` answers 200 (a cluster node:
 * once JetStream is enabled, as a lone node has no quorum yet).
 */
export function startNatsServer(options: NatsServerOptions): Promise<NatsServer>;

export interface NatsCluster {
  nodes: NatsServer[];
  /** Every node's client URL, comma-separated: what `NATS_URL` takes. */
  url: string;
  /** SIGKILL node `i` (0-based). */
  kill(i: number): Promise<void>;
  /** Starts node `i` again with its ports, name and store; resolves once it is healthy in the cluster. */
  restart(i: number): Promise<NatsServer>;
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** A JetStream cluster of `size` (3) nodes on loopback; resolves once every node is healthy (a meta leader elected). */
export function startNatsCluster(options: { bin?: string; size?: number; storeDir: string; logDir?: string; clusterName?: string; log?: Log; startupTimeoutMs?: number }): Promise<NatsCluster>;


// temporal-server.cjs

/** Tag of go.temporal.io/server (server and SQL tool) built from the Go module proxy; the image docker-compose.yml names. */
export const TEMPORAL_SERVER_VERSION: string;
/** Path to the Temporal server: `GENQ_TEMPORAL_SERVER_BIN`, the cached build, else `go install go.temporal.io/server/cmd/server` (minutes, once). */
export function ensureTemporalServer(options?: { log?: Log }): Promise<string>;
/** Path to Temporal's SQL schema tool: `GENQ_TEMPORAL_SQL_TOOL`, `temporal-sql-tool` on PATH, the cache, else a Go build. */
export function ensureTemporalSqlTool(options?: { log?: Log }): Promise<string>;
/** Creates Temporal's persistence and visibility databases on `pg` and installs or upgrades their schemas (idempotent). */
export function setupTemporalSchemas(options: {
  pg: { host: string; port: number; user: string; password?: string };
  sqlTool?: string;
  databases?: { temporal: string; visibility: string };
  log?: Log;
}): Promise<void>;

export interface TemporalServer {
  address: string;
  namespace: string;
  /** The server's Prometheus endpoint. */
  metricsUrl: string;
  logFile: string;
  process: ChildProcess;
  stop(options?: { timeoutMs?: number }): Promise<void>;
  kill(): Promise<void>;
}

/** Starts the real Temporal server on PostgreSQL (schemas from {@link setupTemporalSchemas}); creates the namespace; resolves once it serves it. */
export function startTemporalServer(options: {
  bin?: string;
  /** The Temporal CLI, for the namespace and the health check. */
  cli: string;
  pg: { host: string; port: number; user: string; password?: string };
  /** Where the server's configuration (and by default its log) is written. */
  dir: string;
  databases?: { temporal: string; visibility: string };
  port?: number;
  namespace?: string;
  retention?: string;
  shards?: number;
  log?: Log;
  logFile?: string;
  startupTimeoutMs?: number;
}): Promise<TemporalServer>;

// postgres.cjs

/** Directory with initdb, pg_ctl, postgres and psql; installs Debian's postgresql when root. */
export function ensurePostgresInstalled(options?: { log?: Log }): Promise<{ binDir: string }>;

export interface PostgresCluster {
  host: string;
  port: number;
  /** Superuser; authentication is `trust`, so no password. */
  user: string;
  /** Temporary directory holding data/, the socket and postgres.log. */
  dir: string;
  binDir: string;
  /** Connection URL of database `dbName` on this cluster. */
  url(dbName: string): string;
  /** Creates the database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops immediately and removes `dir` (unless started with `keep`). Idempotent. */
  stop(): Promise<void>;
}

/** A fresh throw-away cluster on 127.0.0.1 and a free port. `keep` leaves its directory on stop. */
export function startPostgres(options?: { log?: Log; keep?: boolean }): Promise<PostgresCluster>;

// compose.cjs

/** Tag of github.com/docker/compose/v2 built from the Go module proxy when no v2 is installed. */
export const COMPOSE_VERSION: string;

/**
 * Command prefix running Docker Compose v2, e.g. `['docker', 'compose']` or
 * `['/root/.cache/genq/bin/docker-compose']`: `GENQ_DOCKER_COMPOSE`, the docker plugin, a
 * v2 `docker-compose` on PATH, the cached build, else a Go build into the cache.
 */
export function ensureDockerCompose(options?: { log?: Log }): Promise<string[]>;

// cache.cjs

/** `${XDG_CACHE_HOME:-$HOME/.cache}/genq`: tools built or resolved once per machine. */
export function genqCacheDir(): string;

// exec.cjs

/** Runs a command to completion; resolves for any exit code. */
export function run(
  cmd: string,
  args?: string[],
  options?: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;

// test-databases.cjs

export interface TestDatabases {
  /** A throw-away SQLite file and a database in a PostgreSQL cluster started for this test file. */
  databases: Array<{ label: 'sqlite' | 'postgres'; config: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string; ssl: boolean } }>;
  cleanup(): Promise<void>;
}
export function startTestDatabases(name: string): Promise<TestDatabases>;

// stack.cjs

export interface StackPorts {
  gateway: number;
  /** Console (`vite preview`) port, with `withConsole`. */
  console?: number;
  temporal: number;
  temporalUi: number;
  /** NATS client port (JetStream). */
  nats: number;
  /** NATS HTTP monitoring port; default a free port. */
  natsMonitor?: number;
}

export interface StackApp {
  name: string;
  logFile: string;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
  stop(timeoutMs?: number): Promise<void>;
}

export interface Stack {
  dataDir: string;
  gatewayUrl: string;
  apiDocsUrl: string;
  consoleUrl?: string;
  temporalAddress: string;
  temporalUiUrl: string;
  temporalBin: string;
  /** `nats://127.0.0.1:<port>`, what every app gets as `NATS_URL`. */
  natsUrl: string;
  natsMonitorUrl: string;
  natsBin: string;
  /** The environment every app gets (TEMPORAL_ADDRESS, NATS_URL), for operator tools such as `npm run check:consistency`. */
  appEnv: Record<string, string>;
  /** Every process by name; `nats` is the NATS server (its `kill()` is a SIGKILL, for fault tests). */
  apps: Record<string, StackApp>;
  /** Stops every process, newest first (NATS and Temporal after the apps). */
  stop(): Promise<void>;
  /** Kills the worker hard and starts a new one; resolves once it polls. */
  /** Starts Temporal again on the same port and SQLite file, after `apps.temporal.kill()`. */
  restartTemporal(): Promise<StackApp>;
  /** Kills a service (actors, analysis, agreements) hard and starts it again on the same database; resolves once it takes requests. */
  restartService(name: 'actors' | 'analysis' | 'agreements'): Promise<StackApp>;
  /** Kills the worker hard and starts a new one (with `extraEnv` on top of the stack's, as a deploy would); resolves once it polls. */
  replaceWorker(extraEnv?: Record<string, string>): Promise<StackApp>;
  /** Starts NATS again on the same ports and store dir (stopping it first if it runs); resolves once healthy. */
  restartNats(): Promise<StackApp>;
}

/** The repository's root directory. */
export const ROOT: string;

/** Starts one Node process with its output appended to `logFile`. */
export function spawnApp(
  name: string,
  script: string,
  options: { args?: string[]; env?: Record<string, string>; cwd?: string; logFile: string },
): StackApp & { exited(): { code: number | null; signal: string | null } | undefined };

/** The management address (`/metrics`, `/health/live`, `/health/ready`) an app logged at start-up (the stack starts every app with `MANAGEMENT_PORT=0`). */
export function managementUrl(app: StackApp, timeoutMs?: number): Promise<string>;

/** Free ports for every process of a stack (and the console with `withConsole`). */
export function freeStackPorts(options?: { withConsole?: boolean }): Promise<StackPorts>;

/** The whole system on embedded defaults, as `npm start` runs it. */
export function startStack(options: {
  dataDir: string;
  ports: StackPorts;
  withConsole?: boolean;
  log?: Log;
  env?: Record<string, string>;
}): Promise<Stack>;


// production.cjs

/** How many processes of each app the production profile (and docker-compose.yml) runs. */
export const PRODUCTION_REPLICAS: Record<'actors' | 'analysis' | 'agreements' | 'worker', number>;
export const NATS_NODES: number;

/** The environment docker-compose.yml gives `app`, with this run's addresses. */
export function composeEnvironment(
  app: string,
  o: {
    temporalAddress: string;
    natsUrl: string;
    databaseUrl?: string;
    gatewayPort: number;
    corsOrigins: string;
    authJwtSecret: string;
    admin: { email: string; password: string };
  },
): Record<string, string>;

export interface ProductionStack {
  profile: 'production';
  dataDir: string;
  gatewayUrl: string;
  apiDocsUrl: string;
  consoleUrl?: string;
  temporalAddress: string;
  temporalMetricsUrl: string;
  /** The Temporal CLI. */
  temporalBin: string;
  natsUrl: string;
  natsMonitorUrls: string[];
  postgres: { host: string; port: number; user: string; url(db: string): string };
  nats: NatsCluster;
  temporal: TemporalServer;
  /** Every app process by name: `actors-1`, `actors-2`, ..., `worker-2`, `gateway-1`, `console`. */
  apps: Record<string, StackApp & { exited(): { code: number | null; signal: string | null } | undefined }>;
  appEnv: Record<string, string>;
  timings: { provisionMs: number; startMs: number };
  stop(): Promise<void>;
  /** Kills `name` (e.g. `actors-2`) hard and starts its replacement; resolves once it takes work. */
  replace(name: string): Promise<StackApp>;
}

/** The production profile (docker-compose.yml's processes and variables) without Docker. */
export function startProductionStack(options: { dataDir: string; ports?: { gateway?: number; console?: number }; withConsole?: boolean; env?: Record<string, string>; log?: Log }): Promise<ProductionStack>;

// seed.cjs

/**
 * Seeds the demo programmes, quarters, organisations, people and accounts through the API,
 * signed in as the first programme admin (and the two signatories of the certified quarters,
 * demo-quarters.cjs), once per data directory; returns how many quarters it made.
 */
export function seedDemo(options: { gatewayUrl: string; dataDir: string; log?: Log; now?: Date }): Promise<number>;

/** Signs in through the API and returns a caller carrying the access token. */
export function signIn(
  gatewayUrl: string,
  email: string,
  password: string,
): Promise<(method: string, route: string, body?: unknown, options?: { allow?: number[] }) => Promise<{ status: number; body: any }>>;

// secrets.cjs

/** The embedded default's secrets, generated once into `<dataDir>/secrets.json` (mode 600). */
export function ensureSecrets(dataDir: string): { authJwtSecret: string };

// demo.cjs

/** The public password of every demo account (demo data only). */
export const DEMO_PASSWORD: string;
export const DEMO_ADMIN: { email: string; displayName: string };
export const DEMO_ACCOUNTS: Array<{ email: string; displayName: string; role: string; programmes?: 'all'; organisation?: string; canSign?: boolean }>;
/** What `npm start` prints: each demo account, its role and what it sees. */
export function demoAccountLines(): Array<{ email: string; role: string; note: string }>;
/** The first programme admin: GENQ_BOOTSTRAP_ADMIN_* from the environment, else the demo admin. */
export function bootstrapAdmin(env?: Record<string, string | undefined>): { email: string; password: string; displayName: string };

// chromium.cjs

/** Chromium for the browser tests: `CHROMIUM_PATH`, else /usr/bin/chromium. */
export function chromiumPath(): string;
/** Returns Chromium's path, installing Debian's chromium package when missing (root with apt-get). */
export function ensureChromium(options?: { log?: Log }): Promise<string>;

/** The pinned schemathesis version of the API contract fuzz test. */
export const SCHEMATHESIS_VERSION: string;
/** The cached virtual environment of a schemathesis version: `${XDG_CACHE_HOME:-~/.cache}/genq/schemathesis-<version>`. */
export function cachedSchemathesisDir(version?: string): string;
/**
 * Path to the `schemathesis` command: `GENQ_SCHEMATHESIS_BIN`, the cached virtual environment,
 * else `pip install schemathesis==<version>` from PyPI into that cache (Python 3.10+, a minute).
 */
export function ensureSchemathesis(options?: { log?: Log }): Promise<string>;
