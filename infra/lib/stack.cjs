'use strict';
/**
 * Starts the whole system on embedded defaults: a Temporal dev server with a SQLite file,
 * a NATS server with JetStream storing under the data directory (it carries the requests to
 * the services and their events), the three services each with its own SQLite database and
 * no port of its own, the worker, the gateway and the console. `npm start` and the
 * cross-process tests use the same code, so what the tests prove is what a user runs. Node
 * builtins only.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startTemporalDevServer, ensureTemporalBinary } = require('./temporal.cjs');
const { startNatsServer, ensureNatsServer } = require('./nats.cjs');
const { waitForHttp, freePort } = require('./ports.cjs');
const { sleep, tailFile, spawnLogged } = require('./exec.cjs');
const { ensureSecrets } = require('./secrets.cjs');
const { bootstrapAdmin } = require('./demo.cjs');

const ROOT = path.resolve(__dirname, '../..');

const SERVICES = ['actors', 'analysis', 'agreements'];
/** What a service logs once it takes requests (service-kit `startMicroservice`). */
const SERVICE_LISTENING = 'listening on NATS';

/**
 * Spawns one Node process with its output in `logFile`; returns a handle whose stop()
 * sends SIGTERM and, after a grace period, SIGKILL.
 */
function spawnApp(name, script, { args = [], env, cwd, logFile }) {
  const logOffset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const { child, exited, stop, kill } = spawnLogged(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, logFile });
  return {
    name,
    child,
    logFile,
    /** Where this run's output starts in the (appended) log file. */
    logOffset,
    exited,
    /** Kills the process at once, as a crash or an OOM kill would; no shutdown hooks run. */
    kill,
    stop: (timeoutMs = 10_000) => stop({ timeoutMs }),
  };
}

async function waitReady(app, check, what) {
  try {
    await Promise.race([
      check(),
      (async () => {
        while (!app.exited()) await sleep(200);
        throw new Error(`exited (${app.exited().code ?? app.exited().signal})`);
      })(),
    ]);
  } catch (err) {
    throw new Error(`${app.name} did not become ready (${what}): ${err.message}\nlast lines of ${app.logFile}:\n${tailFile(app.logFile)}`);
  }
}

/**
 * @param {object} o
 * @param {string} o.dataDir where every SQLite file and log lives
 * @param {{gateway:number, console?:number, temporal:number, temporalUi:number, nats:number, natsMonitor?:number}} o.ports
 * @param {boolean} [o.withConsole] serve the built console (vite preview) too
 * @param {(s: string) => void} [o.log]
 * @param {Record<string,string>} [o.env] extra environment for every app
 */
async function startStack({ dataDir, ports, withConsole = true, log = console.log, env = {} }) {
  dataDir = path.resolve(dataDir);
  const logs = path.join(dataDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  // Secrets reach the apps only through their environment; the embedded default keeps them in the data directory.
  const authJwtSecret = process.env.AUTH_JWT_SECRET || ensureSecrets(dataDir).authJwtSecret;
  const admin = bootstrapAdmin();
  const actorsAuthEnv = {
    GENQ_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    GENQ_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    GENQ_BOOTSTRAP_ADMIN_NAME: admin.displayName,
  };
  const started = [];
  const stop = async () => {
    for (const app of started.reverse()) await app.stop();
  };
  try {
    const bin = await ensureTemporalBinary({ log });
    const startTemporal = () =>
      startTemporalDevServer({
        bin,
        dbFile: path.join(dataDir, 'temporal.sqlite'),
        port: ports.temporal,
        uiPort: ports.temporalUi,
        logFile: path.join(logs, 'temporal.log'),
        log,
      });
    let temporal = await startTemporal();
    // One handle for the stack's life: restartTemporal() swaps the server behind it.
    const temporalApp = {
      name: 'temporal',
      logFile: path.join(logs, 'temporal.log'),
      stop: () => temporal.stop(),
      async kill() {
        temporal.process.kill('SIGKILL');
        await new Promise((resolve) => (temporal.process.exitCode !== null || temporal.process.signalCode ? resolve() : temporal.process.once('exit', resolve)));
      },
    };
    started.push(temporalApp);

    // Started before the apps and so stopped after them: they may still publish while stopping.
    const natsBin = await ensureNatsServer({ log });
    const natsLogFile = path.join(logs, 'nats.log');
    let nats = await startNatsServer({
      bin: natsBin,
      port: ports.nats,
      monitorPort: ports.natsMonitor,
      storeDir: path.join(dataDir, 'nats'),
      logFile: natsLogFile,
      log,
    });
    // One handle for the stack's life: restartNats() swaps the server behind it.
    const natsApp = {
      name: 'nats',
      logFile: natsLogFile,
      stop: (timeoutMs) => nats.stop({ timeoutMs }),
      kill: () => nats.kill(),
    };
    started.push(natsApp);

    const common = {
      // Metrics and probes of every app on a free loopback port each, logged at start-up (see managementUrl).
      MANAGEMENT_PORT: '0',
      ...env,
      TEMPORAL_ADDRESS: temporal.address,
      // Requests to the services and their events: every app finds the others through NATS.
      NATS_URL: nats.url,
    };
    const spawnService = (name) =>
      spawnApp(name, path.join(ROOT, 'apps', name, 'dist', 'main.js'), {
        cwd: ROOT,
        logFile: path.join(logs, `${name}.log`),
        env: { ...(name === 'actors' ? actorsAuthEnv : {}), ...common, DB_TYPE: 'sqlite', DB_PATH: path.join(dataDir, `${name}.sqlite`) },
      });
    // Migrations run before a service subscribes, so this line means a migrated database.
    const serviceReady = (app) => waitReady(app, () => waitForLogLine(app, SERVICE_LISTENING, 60_000), 'subscribed on NATS');
    const services = SERVICES.map(spawnService);
    started.push(...services);
    await Promise.all(services.map(serviceReady));

    const spawnWorker = (extra = {}) =>
      spawnApp('worker', path.join(ROOT, 'apps', 'worker', 'dist', 'main.js'), {
        cwd: ROOT,
        logFile: path.join(logs, 'worker.log'),
        env: { ...common, ...extra },
      });
    let worker = spawnWorker();
    started.push(worker);

    const consoleOrigins = ports.console ? [`http://localhost:${ports.console}`, `http://127.0.0.1:${ports.console}`] : [];
    // The gateway's port was free when it was chosen, but the gateway binds it last, many
    // seconds later, and a stack started beside this one may have bound it meanwhile (in CI a
    // Temporal UI did, and answered this stack's sign-in with its CSRF refusal). So the gateway
    // is ready once *it* logged that it listens on the port, and one that found the port taken
    // starts again on another.
    let gateway;
    let gatewayUrl;
    for (let attempt = 1; ; attempt++) {
      gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
      gateway = spawnApp('gateway', path.join(ROOT, 'apps', 'gateway', 'dist', 'main.js'), {
        cwd: ROOT,
        logFile: path.join(logs, 'gateway.log'),
        env: {
          AUTH_JWT_SECRET: authJwtSecret,
          ...common,
          GATEWAY_HOST: '127.0.0.1',
          GATEWAY_PORT: String(ports.gateway),
          CORS_ORIGINS: consoleOrigins.join(','),
        },
      });
      try {
        await waitReady(gateway, () => waitForLogLine(gateway, `gateway listening on ${gatewayUrl}/api`, 90_000), 'listening');
        break;
      } catch (err) {
        if (attempt >= 3 || !/EADDRINUSE/.test(err.message)) {
          started.push(gateway);
          throw err;
        }
        log(`[genq] gateway port ${ports.gateway} was taken meanwhile: starting the gateway on another`);
        ports.gateway = await freePort();
      }
    }
    started.push(gateway);
    await waitReady(gateway, () => waitForHttp(`${gatewayUrl}/api/health`, { timeoutMs: 90_000, okStatuses: [200] }), '/api/health');
    await waitReady(worker, () => waitForLogLine(worker, 'worker polling task queue', 60_000), 'polling');

    let consoleUrl;
    if (withConsole && ports.console) {
      const ui = spawnApp('console', path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), {
        args: ['preview', '--port', String(ports.console), '--strictPort', '--host', '127.0.0.1'],
        cwd: path.join(ROOT, 'apps', 'console'),
        logFile: path.join(logs, 'console.log'),
        env: { CONSOLE_PORT: String(ports.console), GATEWAY_URL: gatewayUrl },
      });
      started.push(ui);
      consoleUrl = `http://localhost:${ports.console}`;
      await waitReady(ui, () => waitForHttp(consoleUrl, { timeoutMs: 60_000, okStatuses: [200] }), 'http');
    }
    return {
      dataDir,
      gatewayUrl,
      apiDocsUrl: `${gatewayUrl}/api/docs`,
      consoleUrl,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      temporalBin: bin,
      natsUrl: nats.url,
      natsMonitorUrl: nats.monitorUrl,
      natsBin,
      /** The environment every app gets (addresses of Temporal and NATS), for operator tools run against this stack. */
      appEnv: { ...common },
      apps: Object.fromEntries(started.map((a) => [a.name, a])),
      stop,
      /**
       * Starts NATS again on the same ports and store dir, stopping it first if it still runs
       * (after `apps.nats.kill()` it does not); resolves once JetStream has recovered its streams.
       */
      async restartNats() {
        nats = await nats.restart();
        return natsApp;
      },
      /** Starts the Temporal server again on the same port and SQLite file (after `apps.temporal.kill()`); resolves once it serves. */
      async restartTemporal() {
        temporal = await startTemporal();
        return temporalApp;
      },
      /** Kills a service hard (SIGKILL), as a crash would, and starts it again on the same database; resolves once it takes requests. */
      async restartService(name) {
        const old = this.apps[name];
        await old.kill();
        const next = spawnService(name);
        started[started.indexOf(old)] = next;
        this.apps[name] = next;
        await serviceReady(next);
        return next;
      },
      /**
       * Kills the worker hard (SIGKILL) and starts a new one, as after a crash or a deploy (with
       * `extraEnv` on top of the stack's, e.g. another WORKER_WORKFLOWS_PATH); resolves once it polls.
       */
      async replaceWorker(extraEnv = {}) {
        await worker.kill();
        const next = spawnWorker(extraEnv);
        started[started.indexOf(worker)] = next;
        this.apps.worker = next;
        worker = next;
        await waitReady(next, () => waitForLogLine(next, 'worker polling task queue', 60_000), 'polling');
        return next;
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
/** Waits for a line in the app's output of this run (its log file is appended across runs). */
async function waitForLogLine(app, text, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (fs.existsSync(app.logFile) && fs.readFileSync(app.logFile).subarray(app.logOffset).toString('utf8').includes(text)) return;
    await sleep(250);
  }
  throw new Error(`no "${text}" line within ${timeoutMs} ms`);
}

/**
 * The management address (`/metrics`, `/health/live`, `/health/ready`) an app of this run
 * logged at start-up; waits for the line.
 */
async function managementUrl(app, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (fs.existsSync(app.logFile)) {
      const m = /management listening on (http:\/\/[^\s"]+)/.exec(fs.readFileSync(app.logFile).subarray(app.logOffset).toString('utf8'));
      if (m) return m[1];
    }
    await sleep(250);
  }
  throw new Error(`${app.name} logged no management address within ${timeoutMs} ms`);
}

/** Free ports for every process of a stack, for tests that run stacks side by side. */
async function freeStackPorts({ withConsole = false } = {}) {
  const { freePort } = require('./ports.cjs');
  const names = ['gateway', 'temporal', 'temporalUi', 'nats', 'natsMonitor', ...(withConsole ? ['console'] : [])];
  const ports = {};
  for (const name of names) ports[name] = await freePort();
  return ports;
}

module.exports = { startStack, spawnApp, freeStackPorts, waitReady, waitForLogLine, managementUrl, SERVICES, SERVICE_LISTENING, ROOT };
