'use strict';
/**
 * A real NATS server with JetStream for tests and local runs, provisioned from package
 * registries only: nats-server is pure Go, so the Go module proxy carries all of it (a build
 * of well under a minute, once per machine), where users with internet would take a release
 * download or a Docker image.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildGoTool, cachedToolPath } = require('./go-tool.cjs');
const { freePort } = require('./ports.cjs');
const { run, which, isExecutableFile, tailFile, sleep, resolveTool, spawnLogged } = require('./exec.cjs');

/** JetStream settings shared with docker-compose.yml (flushed before acknowledged). */
const NATS_CONFIG_FILE = path.resolve(__dirname, '../nats/nats.conf');

const NATS_SERVER_MODULE = 'github.com/nats-io/nats-server/v2';
const NATS_SERVER_VERSION = 'v2.15.3';

/**
 * Throws unless `bin` runs and reports itself as nats-server 2.2 or newer (JetStream came
 * with 2.2; Debian's 2.9 package passes, its JetStream is older but compatible).
 */
async function probeNats(bin) {
  const r = await run(bin, ['--version'], { timeoutMs: 30_000 });
  const version = /nats-server:\s*v(\d+)\.(\d+)/.exec(r.stdout + r.stderr);
  if (r.code !== 0 || !version) {
    throw new Error(`${bin} --version did not report a nats-server (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
  }
  const [major, minor] = [Number(version[1]), Number(version[2])];
  if (major < 2 || (major === 2 && minor < 2)) throw new Error(`${bin} is nats-server v${major}.${minor}; JetStream needs v2.2 or newer`);
  return bin;
}

/**
 * Path to a nats-server binary. Order: `GENQ_NATS_BIN`, a `nats-server` on PATH, the binary
 * cached under `${XDG_CACHE_HOME:-~/.cache}/genq/bin`, then a build from the Go module proxy
 * into that cache.
 */
async function ensureNatsServer({ log = console.log } = {}) {
  const cached = cachedToolPath('nats-server');
  return resolveTool({
    what: 'nats-server',
    envVar: 'GENQ_NATS_BIN',
    probe: probeNats,
    routes: [
      { name: '`nats-server` on PATH', attempt: async () => { const bin = which('nats-server'); return bin && probeNats(bin); } },
      { name: `cached binary ${cached}`, attempt: async () => isExecutableFile(cached) ? probeNats(cached) : undefined },
      {
        name: `go install ${NATS_SERVER_MODULE}@${NATS_SERVER_VERSION}`,
        attempt: async () =>
          probeNats(await buildGoTool({ name: 'nats-server', pkg: NATS_SERVER_MODULE, version: NATS_SERVER_VERSION, log })),
      },
    ],
  });
}

/** Status of GET `url`, or the connection error's code; never throws. */
async function httpStatus(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return err.cause?.code ?? err.message;
  }
}

/**
 * Starts `nats-server -js` on 127.0.0.1 with its JetStream store in `storeDir` and resolves
 * once the monitoring endpoint reports it healthy. Ports default to free ones. The handle's
 * `restart()` starts it again with the same ports, name and store dir, which is what a fault
 * test needs after `kill()`: streams and consumers must come back from disk.
 *
 * A single server is ready when `/healthz` answers 200, which includes JetStream having
 * recovered its streams. A cluster node (`routes` or `clusterPort` given) is ready once
 * JetStream is enabled (`/healthz?js-enabled-only=true`): a lone node cannot become fully
 * healthy before a quorum of its peers has started and elected a meta leader.
 */
async function startNatsServer({
  bin,
  port,
  monitorPort,
  storeDir,
  logFile,
  log = console.log,
  serverName,
  clusterName,
  clusterPort,
  routes = [],
  startupTimeoutMs = 30_000,
} = {}) {
  if (!storeDir) throw new Error('startNatsServer needs a storeDir for JetStream (it keeps streams across restarts there)');
  bin = bin ?? (await ensureNatsServer({ log }));
  port = port ?? (await freePort());
  monitorPort = monitorPort ?? (await freePort());
  storeDir = path.resolve(storeDir);
  logFile = path.resolve(logFile ?? path.join(os.tmpdir(), `genq-nats-${port}.log`));
  const clustered = clusterPort !== undefined || routes.length > 0;
  if (clustered) clusterPort = clusterPort ?? (await freePort());
  // JetStream clustering identifies peers by server name; a stable one (the default is a
  // fresh id per start) lets a restarted node rejoin as itself.
  serverName = serverName ?? `genq-nats-${port}`;
  const options = { bin, port, monitorPort, storeDir, logFile, log, serverName, clusterName, clusterPort, routes, startupTimeoutMs };

  const args = ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort), '-js', '-sd', storeDir, '--server_name', serverName];
  if (clustered) {
    args.push('--cluster_name', clusterName ?? 'genq', '--cluster', `nats://127.0.0.1:${clusterPort}`);
    if (routes.length) args.push('--routes', routes.join(','));
  }

  fs.mkdirSync(storeDir, { recursive: true });
  // The settings only a configuration file takes (JetStream flushes before it acknowledges,
  // see the file); the same file as docker-compose.yml uses. The flags above still apply.
  args.unshift('-c', NATS_CONFIG_FILE);
  // stop(): SIGTERM makes nats-server shut down cleanly, flushing JetStream's stores;
  // kill(): at once, as a crash would, and JetStream must recover from what is on disk.
  const { child, exited, stop, kill } = spawnLogged(bin, args, { logFile });

  const url = `nats://127.0.0.1:${port}`;
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  log(`[genq] starting nats-server (JetStream) on ${url} (monitoring ${monitorUrl}, store ${storeDir}, log ${logFile})`);
  const healthUrl = `${monitorUrl}/healthz${clustered ? '?js-enabled-only=true' : ''}`;
  const deadline = Date.now() + startupTimeoutMs;
  for (;;) {
    if (exited()) {
      throw new Error(`nats-server exited during start-up (${exited().code ?? exited().signal}); last lines of ${logFile}:\n${tailFile(logFile)}`);
    }
    const status = await httpStatus(healthUrl);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `nats-server on ${url} was not healthy within ${startupTimeoutMs} ms (last ${healthUrl}: ${status}); ` +
          `last lines of ${logFile}:\n${tailFile(logFile)}`,
      );
    }
    await sleep(100);
  }
  return {
    url,
    port,
    monitorUrl,
    storeDir,
    serverName,
    clusterUrl: clustered ? `nats://127.0.0.1:${clusterPort}` : undefined,
    logFile,
    process: child,
    stop,
    kill,
    /** Stops this server if it still runs, then starts a new one with the same ports, name and store dir. */
    async restart() {
      await stop();
      return startNatsServer(options);
    },
  };
}

/**
 * A JetStream cluster of `size` nodes (three, as production runs) on loopback: each node has
 * its own client, monitoring and route port, its own store under `storeDir/<name>` and routes
 * to the others. Resolves once every node reports itself fully healthy (`/healthz`: JetStream
 * has a meta leader). `url` is the comma-separated list the apps' `NATS_URL` takes; a client
 * connected to a killed node reconnects to another one.
 */
async function startNatsCluster({ bin, size = 3, storeDir, logDir, clusterName = 'genq', log = console.log, startupTimeoutMs = 60_000 } = {}) {
  if (!storeDir) throw new Error('startNatsCluster needs a storeDir');
  bin = bin ?? (await ensureNatsServer({ log }));
  const specs = [];
  for (let i = 1; i <= size; i++) {
    specs.push({ serverName: `genq-nats-${i}`, port: await freePort(), monitorPort: await freePort(), clusterPort: await freePort() });
  }
  const routeOf = (s) => `nats://127.0.0.1:${s.clusterPort}`;
  const nodes = await Promise.all(
    specs.map((s) =>
      startNatsServer({
        bin,
        ...s,
        clusterName,
        routes: specs.filter((o) => o !== s).map(routeOf),
        storeDir: path.join(storeDir, s.serverName),
        logFile: path.join(logDir ?? storeDir, `${s.serverName}.log`),
        log,
        startupTimeoutMs,
      }),
    ),
  );
  const healthy = async (node) => {
    const deadline = Date.now() + startupTimeoutMs;
    while ((await httpStatus(`${node.monitorUrl}/healthz`)) !== 200) {
      if (Date.now() > deadline) throw new Error(`NATS node ${node.serverName} was not healthy within ${startupTimeoutMs} ms; last lines of ${node.logFile}:\n${tailFile(node.logFile)}`);
      await sleep(200);
    }
  };
  try {
    await Promise.all(nodes.map(healthy));
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
  const cluster = {
    nodes,
    url: nodes.map((n) => n.url).join(','),
    /** SIGKILL node `i` (0-based), as a crash would. */
    kill: (i) => nodes[i].kill(),
    /** Starts node `i` again with its ports, name and store; resolves once it is healthy in the cluster again. */
    async restart(i) {
      nodes[i] = await nodes[i].restart();
      await healthy(nodes[i]);
      return nodes[i];
    },
    async stop({ timeoutMs } = {}) {
      await Promise.all(nodes.map((n) => n.stop({ timeoutMs })));
    },
  };
  return cluster;
}

module.exports = { ensureNatsServer, startNatsServer, startNatsCluster, NATS_SERVER_VERSION };
