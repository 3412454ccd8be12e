'use strict';
/**
 * The real Temporal server (not the CLI's dev server) persisting to PostgreSQL, with advanced
 * visibility on PostgreSQL, for the production profile. Both the server and its schema tool
 * (`temporal-sql-tool`) are built from the Go module proxy into the per-user cache, like the
 * CLI; the schemas come from the versioned directories that ship in the server's module.
 * Same version as the image docker-compose.yml names and the same minor as the CLI's dev server.
 */
const fs = require('node:fs');
const path = require('node:path');
const { buildGoTool, cachedToolPath } = require('./go-tool.cjs');
const { freePort } = require('./ports.cjs');
const { run, runChecked, which, isExecutableFile, tailFile, sleep, resolveTool, spawnLogged } = require('./exec.cjs');

const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
/** The tag docker-compose.yml's `temporalio/auto-setup` image defaults to. */
const TEMPORAL_SERVER_VERSION = 'v1.29.1';

async function probeServer(bin) {
  const r = await run(bin, ['--version'], { timeoutMs: 30_000 });
  if (r.code !== 0 || !/temporal/i.test(r.stdout + r.stderr)) {
    throw new Error(`${bin} --version did not report a Temporal server (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
  }
  return bin;
}

async function probeSqlTool(bin) {
  const r = await run(bin, ['--help'], { timeoutMs: 30_000 });
  if (r.code !== 0 || !/setup-schema/.test(r.stdout + r.stderr)) {
    throw new Error(`${bin} --help did not describe Temporal's SQL tool (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
  }
  return bin;
}

/**
 * Path to the Temporal server binary: `GENQ_TEMPORAL_SERVER_BIN`, the cached build under
 * `${XDG_CACHE_HOME:-~/.cache}/genq/bin/temporal-server`, else `go install
 * go.temporal.io/server/cmd/server@v1.29.1` into that cache (about six minutes on two cores, once).
 */
async function ensureTemporalServer({ log = console.log } = {}) {
  const cached = cachedToolPath('temporal-server');
  return resolveTool({
    what: 'the Temporal server',
    envVar: 'GENQ_TEMPORAL_SERVER_BIN',
    probe: probeServer,
    routes: [
      { name: `cached binary ${cached}`, attempt: async () => (isExecutableFile(cached) ? probeServer(cached) : undefined) },
      {
        name: `go install ${TEMPORAL_SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
        attempt: async () =>
          probeServer(await buildGoTool({ name: 'temporal-server', pkg: `${TEMPORAL_SERVER_MODULE}/cmd/server`, version: TEMPORAL_SERVER_VERSION, log })),
      },
    ],
  });
}

/** Path to Temporal's SQL schema tool (`temporal-sql-tool`): `GENQ_TEMPORAL_SQL_TOOL`, `temporal-sql-tool` on PATH, the cache, else a Go build. */
async function ensureTemporalSqlTool({ log = console.log } = {}) {
  const cached = cachedToolPath('temporal-sql-tool');
  return resolveTool({
    what: "Temporal's SQL tool",
    envVar: 'GENQ_TEMPORAL_SQL_TOOL',
    probe: probeSqlTool,
    routes: [
      { name: '`temporal-sql-tool` on PATH', attempt: async () => { const bin = which('temporal-sql-tool'); return bin && probeSqlTool(bin); } },
      { name: `cached binary ${cached}`, attempt: async () => (isExecutableFile(cached) ? probeSqlTool(cached) : undefined) },
      {
        name: `go install ${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
        attempt: async () =>
          probeSqlTool(await buildGoTool({ name: 'temporal-sql-tool', pkg: `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql`, version: TEMPORAL_SERVER_VERSION, log })),
      },
    ],
  });
}

/**
 * The server module's source directory in Go's module cache (downloaded from the proxy if it
 * is not there), where its versioned schema directories live.
 */
async function temporalServerModuleDir() {
  const go = which('go') ?? ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'].find(isExecutableFile);
  if (!go) throw new Error('the Temporal schemas come from the server module in the Go module cache; no `go` on PATH or in /usr/local/go/bin');
  const r = await runChecked(go, ['mod', 'download', '-json', `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`], { timeoutMs: 10 * 60_000 });
  const dir = JSON.parse(r.stdout).Dir;
  if (!dir || !fs.existsSync(path.join(dir, 'schema'))) throw new Error(`go mod download gave no schema directory for ${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION} (${dir})`);
  return dir;
}

/**
 * Creates Temporal's two databases on `pg` (if missing) and installs or upgrades their
 * schemas with the SQL tool: `setup-schema -v 0.0`, then `update-schema` from the module's
 * `schema/postgresql/v12/{temporal,visibility}/versioned`. Idempotent: a second run on the
 * same databases only applies newer versions.
 */
async function setupTemporalSchemas({ pg, sqlTool, databases = { temporal: 'temporal', visibility: 'temporal_visibility' }, log = console.log }) {
  sqlTool = sqlTool ?? (await ensureTemporalSqlTool({ log }));
  const moduleDir = await temporalServerModuleDir();
  for (const [kind, db] of Object.entries(databases)) {
    const base = [sqlTool, '--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--pw', pg.password ?? '', '--db', db];
    const sql = (args) => runChecked(base[0], [...base.slice(1), ...args], { timeoutMs: 120_000 });
    const created = await run(base[0], [...base.slice(1), 'create']);
    if (created.code !== 0 && !/already exists/i.test(created.stderr + created.stdout)) {
      throw new Error(`temporal-sql-tool create ${db} failed: ${(created.stderr || created.stdout).trim()}`);
    }
    // setup-schema -v 0.0 only creates the version table; it refuses to run a second time.
    const versions = await run(base[0], [...base.slice(1), 'setup-schema', '-v', '0.0']);
    if (versions.code !== 0 && !/already exists/i.test(versions.stderr + versions.stdout)) {
      throw new Error(`temporal-sql-tool setup-schema ${db} failed: ${(versions.stderr || versions.stdout).trim()}`);
    }
    await sql(['update-schema', '-d', path.join(moduleDir, 'schema', 'postgresql', 'v12', kind, 'versioned')]);
  }
  log(`[genq] Temporal schemas ${Object.values(databases).join(', ')} up to date (${TEMPORAL_SERVER_VERSION})`);
}

function serverConfig({ pg, databases, ports, shards, dynamicConfigFile }) {
  const store = (db, maxConns) => `      sql:
        pluginName: "postgres12"
        databaseName: "${db}"
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: "tcp"
        user: "${pg.user}"
        password: "${pg.password ?? ''}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name, grpc, membership, extra = '') => `  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `# Written by @genq/infra (temporal-server.cjs) for the production profile.
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${shards}
  datastores:
    postgres-default:
${store(databases.temporal, 20)}
    postgres-visibility:
${store(databases.visibility, 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${ports.metrics}"

services:
${service('frontend', ports.frontend, ports.frontendMembership, `\n      httpPort: ${ports.frontendHttp}`)}
${service('matching', ports.matching, ports.matchingMembership)}
${service('history', ports.history, ports.historyMembership)}
${service('worker', ports.worker, ports.workerMembership)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${dynamicConfigFile}"
  pollInterval: "10s"
`;
}

/** What the dev server turns on and the apps use (workflow updates); the rest stays at the server's defaults. */
const DYNAMIC_CONFIG = `# Written by @genq/infra (temporal-server.cjs).
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
`;

/**
 * Starts the Temporal server on 127.0.0.1 (all four services in one process) against the
 * schemas {@link setupTemporalSchemas} installed, creates `namespace` when missing
 * (`temporal operator namespace create`, as docker-compose's auto-setup image does) and
 * resolves once it serves it. `cli` is the Temporal CLI, used for the namespace and health.
 * The server has no `--config-file`: it reads `<root>/config/<env>.yaml`, written into `dir`.
 */
async function startTemporalServer({
  bin,
  cli,
  pg,
  dir,
  databases = { temporal: 'temporal', visibility: 'temporal_visibility' },
  port,
  namespace = 'default',
  retention = '720h',
  shards = 4,
  log = console.log,
  logFile,
  startupTimeoutMs = 120_000,
}) {
  bin = bin ?? (await ensureTemporalServer({ log }));
  if (!cli) throw new Error('startTemporalServer needs the Temporal CLI (`cli`) to create the namespace');
  dir = path.resolve(dir);
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  const ports = { frontend: port ?? (await freePort()) };
  for (const name of ['frontendHttp', 'frontendMembership', 'matching', 'matchingMembership', 'history', 'historyMembership', 'worker', 'workerMembership', 'metrics']) {
    ports[name] = await freePort();
  }
  const dynamicConfigFile = path.join(dir, 'config', 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  fs.writeFileSync(path.join(dir, 'config', 'genq.yaml'), serverConfig({ pg, databases, ports, shards, dynamicConfigFile }));
  logFile = logFile ?? path.join(dir, 'temporal-server.log');
  const address = `127.0.0.1:${ports.frontend}`;

  // The CLI reads TEMPORAL_* variables meant for the apps; they must not redirect these checks.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TEMPORAL_')));
  const { child, exited, stop, kill } = spawnLogged(bin, ['--root', dir, '--config', 'config', '--env', 'genq', '--allow-no-auth', 'start'], { cwd: dir, logFile, env });

  log(`[genq] starting Temporal server ${TEMPORAL_SERVER_VERSION} on ${address} (PostgreSQL ${pg.host}:${pg.port}, log ${logFile})`);
  const cliArgs = (args) => [...args, '--address', address];
  const deadline = Date.now() + startupTimeoutMs;
  let last = '';
  try {
    for (;;) {
      if (exited()) throw new Error(`Temporal server exited during start-up (${exited().code ?? exited().signal}); last lines of ${logFile}:\n${tailFile(logFile)}`);
      const described = await run(cli, cliArgs(['operator', 'namespace', 'describe', '--namespace', namespace]), { env, timeoutMs: 10_000 });
      if (described.code === 0) break;
      last = described.stderr.trim().split('\n').pop() ?? '';
      if (/not found/i.test(described.stderr)) {
        const created = await run(cli, cliArgs(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', retention]), { env, timeoutMs: 10_000 });
        if (created.code !== 0) last = created.stderr.trim().split('\n').pop() ?? '';
      }
      if (Date.now() > deadline) {
        throw new Error(`Temporal server on ${address} did not serve namespace "${namespace}" within ${startupTimeoutMs} ms (last: ${last}); last lines of ${logFile}:\n${tailFile(logFile)}`);
      }
      await sleep(500);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { address, namespace, metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`, logFile, process: child, stop, kill };
}

module.exports = {
  ensureTemporalServer,
  ensureTemporalSqlTool,
  setupTemporalSchemas,
  startTemporalServer,
  TEMPORAL_SERVER_VERSION,
};
