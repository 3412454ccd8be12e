'use strict';
/**
 * The production profile without Docker: the processes docker-compose.yml describes, with the
 * same variables, on loopback. A real Temporal server (not the dev server) persisting to
 * PostgreSQL with advanced visibility on PostgreSQL, schemas installed by Temporal's SQL tool;
 * PostgreSQL for every service; NATS JetStream as a three-node cluster; two replicas of every
 * service, two workers, the gateway and the console. `npm run start:production` and the
 * production test suite (e2e/test/production-*.e2e-spec.ts) use this code.
 *
 * PostgreSQL is a cluster owned by this run (infra/lib/postgres.cjs): its data goes when the
 * profile stops. Node builtins only.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startPostgres } = require('./postgres.cjs');
const { ensureTemporalBinary } = require('./temporal.cjs');
const { ensureTemporalServer, ensureTemporalSqlTool, setupTemporalSchemas, startTemporalServer } = require('./temporal-server.cjs');
const { ensureNatsServer, startNatsCluster } = require('./nats.cjs');
const { spawnApp, waitReady, waitForLogLine, SERVICES, SERVICE_LISTENING, ROOT } = require('./stack.cjs');
const { waitForHttp, freePort } = require('./ports.cjs');
const { ensureSecrets } = require('./secrets.cjs');
const { bootstrapAdmin } = require('./demo.cjs');

/** How many processes of each run side by side (docker-compose.yml: `deploy.replicas`). */
const REPLICAS = { actors: 2, analysis: 2, agreements: 2, worker: 2 };
const NATS_NODES = 3;
/** The databases infra/postgres/init-databases.sql creates for docker-compose.yml. */
const SERVICE_DATABASES = { actors: 'genq_actors', analysis: 'genq_analysis', agreements: 'genq_agreements' };
const WORKER_POLLING = 'worker polling task queue';

/**
 * The environment docker-compose.yml gives each app, with the addresses of this run's
 * processes in place of the compose service names (infra/test/compose.spec.ts keeps the two
 * in step: `composeEnvironment` here is what it compares against).
 */
function composeEnvironment(app, { temporalAddress, natsUrl, databaseUrl, gatewayPort, corsOrigins, authJwtSecret, admin }) {
  const common = {
    NODE_ENV: 'production',
    NATS_URL: natsUrl,
    NATS_STREAM_REPLICAS: String(NATS_NODES),
    // What operators see (docs/operations.md): JSON lines, /metrics and /health on a management
    // port of its own per process (free, logged at start-up), traces when an OTLP endpoint is given.
    LOG_FORMAT: 'json',
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    MANAGEMENT_HOST: '127.0.0.1',
    MANAGEMENT_PORT: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT || '',
  };
  const temporal = { TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: 'default' };
  const database = { DB_TYPE: 'postgres', DB_SSL: 'false', DATABASE_URL: databaseUrl };
  switch (app) {
    case 'actors':
      return { ...common, ...database, GENQ_BOOTSTRAP_ADMIN_EMAIL: admin.email, GENQ_BOOTSTRAP_ADMIN_PASSWORD: admin.password };
    case 'analysis':
    case 'agreements':
      return { ...common, ...database };
    case 'worker':
      return { ...common, ...temporal };
    case 'gateway':
      return { ...common, ...temporal, GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: String(gatewayPort), CORS_ORIGINS: corsOrigins, AUTH_JWT_SECRET: authJwtSecret };
    default:
      throw new Error(`no app ${app}`);
  }
}

/**
 * @param {object} o
 * @param {string} o.dataDir logs, the Temporal server's configuration, NATS stores, secrets
 * @param {{gateway?: number, console?: number}} [o.ports] default free ones
 * @param {boolean} [o.withConsole]
 * @param {Record<string, string>} [o.env] extra variables for every app, over compose's (a test's lifted rate limit)
 * @param {(s: string) => void} [o.log]
 */
async function startProductionStack({ dataDir, ports = {}, withConsole = true, env = {}, log = console.log } = {}) {
  const startedAt = Date.now();
  // Every process started here (about 20) kills its child when this process exits.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 50));
  dataDir = path.resolve(dataDir);
  const logs = path.join(dataDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const authJwtSecret = process.env.AUTH_JWT_SECRET || ensureSecrets(dataDir).authJwtSecret;
  const admin = bootstrapAdmin();
  const stoppers = [];
  const stop = async () => {
    for (const s of stoppers.splice(0).reverse()) await s().catch((err) => log(`[genq] stopping: ${err.message}`));
  };
  try {
    // Provisioning first (cached after the first run), then everything on free loopback ports.
    const [temporalServerBin, sqlTool, cli, natsBin] = [
      await ensureTemporalServer({ log }),
      await ensureTemporalSqlTool({ log }),
      await ensureTemporalBinary({ log }),
      await ensureNatsServer({ log }),
    ];
    const provisionedAt = Date.now();

    const pg = await startPostgres({ log });
    stoppers.push(() => pg.stop());
    const databaseUrls = {};
    for (const [name, db] of Object.entries(SERVICE_DATABASES)) databaseUrls[name] = await pg.createDatabase(db);
    await setupTemporalSchemas({ pg, sqlTool, log });

    const temporal = await startTemporalServer({ bin: temporalServerBin, cli, pg, dir: path.join(dataDir, 'temporal'), logFile: path.join(logs, 'temporal.log'), log });
    stoppers.push(() => temporal.stop());

    const nats = await startNatsCluster({ bin: natsBin, size: NATS_NODES, storeDir: path.join(dataDir, 'nats'), logDir: logs, log });
    stoppers.push(() => nats.stop());

    const gatewayPort = ports.gateway ?? (await freePort());
    const consolePort = withConsole ? (ports.console ?? (await freePort())) : undefined;
    const corsOrigins = consolePort ? `http://localhost:${consolePort},http://127.0.0.1:${consolePort}` : '';
    const envOf = (app) => ({
      ...composeEnvironment(app, { temporalAddress: temporal.address, natsUrl: nats.url, databaseUrl: databaseUrls[app], gatewayPort, corsOrigins, authJwtSecret, admin }),
      ...env,
    });

    /** Every app process by name (`actors-1`, `worker-2`, ...). */
    const apps = {};
    const spawn = (app, n) => {
      const name = `${app}-${n}`;
      const handle = spawnApp(name, path.join(ROOT, 'apps', app, 'dist', 'main.js'), { cwd: ROOT, logFile: path.join(logs, `${name}.log`), env: envOf(app) });
      apps[name] = handle;
      return handle;
    };
    stoppers.push(async () => {
      // The gateway and the workers first, then the services: the way compose's depends_on orders it.
      const order = (n) => (n.startsWith('console') ? 0 : n.startsWith('gateway') ? 1 : n.startsWith('worker') ? 2 : 3);
      for (const name of Object.keys(apps).sort((a, b) => order(a) - order(b))) await apps[name].stop();
    });
    const serviceReady = (app) => waitReady(app, () => waitForLogLine(app, SERVICE_LISTENING, 120_000), 'subscribed on NATS');
    const workerReady = (app) => waitReady(app, () => waitForLogLine(app, WORKER_POLLING, 120_000), 'polling');

    // The first replica of each service migrates its database; the second starts on a migrated one.
    await Promise.all(SERVICES.map((s) => serviceReady(spawn(s, 1))));
    await Promise.all(SERVICES.flatMap((s) => Array.from({ length: REPLICAS[s] - 1 }, (_, i) => serviceReady(spawn(s, i + 2)))));
    // The first worker registers the search attributes on the namespace (SQL visibility keeps
    // them per namespace); the second finds them there.
    await workerReady(spawn('worker', 1));
    for (let n = 2; n <= REPLICAS.worker; n++) await workerReady(spawn('worker', n));

    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const gateway = spawn('gateway', 1);
    await waitReady(gateway, () => waitForHttp(`${gatewayUrl}/api/health`, { timeoutMs: 120_000, okStatuses: [200] }), '/api/health');

    let consoleUrl;
    if (consolePort) {
      const ui = spawnApp('console', path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), {
        args: ['preview', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'],
        cwd: path.join(ROOT, 'apps', 'console'),
        logFile: path.join(logs, 'console.log'),
        env: { CONSOLE_PORT: String(consolePort), GATEWAY_URL: gatewayUrl },
      });
      apps.console = ui;
      consoleUrl = `http://localhost:${consolePort}`;
      await waitReady(ui, () => waitForHttp(consoleUrl, { timeoutMs: 60_000, okStatuses: [200] }), 'http');
    }
    const readyAt = Date.now();

    return {
      profile: 'production',
      dataDir,
      gatewayUrl,
      apiDocsUrl: `${gatewayUrl}/api/docs`,
      consoleUrl,
      temporalAddress: temporal.address,
      temporalMetricsUrl: temporal.metricsUrl,
      temporalBin: cli,
      natsUrl: nats.url,
      natsMonitorUrls: nats.nodes.map((n) => n.monitorUrl),
      postgres: { host: pg.host, port: pg.port, user: pg.user, url: pg.url, dir: pg.dir },
      nats,
      temporal,
      apps,
      /** The environment of the operator tools (`npm run check:consistency`) against this stack. */
      appEnv: { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', NATS_URL: nats.url },
      /** Milliseconds: provisioning the binaries (a build on the first run), then starting every process until healthy. */
      timings: { provisionMs: provisionedAt - startedAt, startMs: readyAt - provisionedAt },
      stop,
      /** Kills one process (SIGKILL) and starts its replacement under the same name; resolves once it takes work. */
      async replace(name) {
        const [app, n] = name.split('-');
        await apps[name].kill();
        const next = spawn(app, Number(n));
        await (app === 'worker' ? workerReady(next) : serviceReady(next));
        return next;
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

module.exports = { startProductionStack, composeEnvironment, PRODUCTION_REPLICAS: REPLICAS, NATS_NODES };
