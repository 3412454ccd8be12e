'use strict';
/**
 * Real Temporal servers for tests and local runs, provisioned from package registries only:
 * the Temporal CLI (a single-process server with SQLite and the Web UI) from the Go module
 * proxy, and the Java time-skipping test server from Maven Central.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { genqCacheDir, withLock } = require('./cache.cjs');
const { buildGoTool, cachedToolPath } = require('./go-tool.cjs');
const { freePort } = require('./ports.cjs');
const { run, runChecked, which, isExecutableFile, tailFile, sleep, resolveTool, spawnLogged } = require('./exec.cjs');

/** Newer tags of the CLI module carry a `replace` directive, which `go install pkg@version` refuses. */
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
const TEMPORAL_CLI_VERSION = 'v1.5.1';
/** io.temporal:temporal-test-server on Maven Central (the newest release when this was written). */
const TEST_SERVER_VERSION = '1.38.0';

/**
 * Dynamic config every dev server gets. The incident repair actions (issue 18) pause,
 * resume and reset activities through the activity operator API, which server 1.29 has
 * behind `frontend.activityAPIsEnabled`; a production cluster sets the same key.
 */
const DEV_SERVER_DYNAMIC_CONFIG = { 'frontend.activityAPIsEnabled': true };

/** Throws unless `bin` runs and reports itself as the Temporal CLI. */
async function probeTemporal(bin) {
  const r = await run(bin, ['--version'], { timeoutMs: 30_000 });
  if (r.code !== 0 || !/temporal version/i.test(r.stdout)) {
    throw new Error(`${bin} --version did not report a Temporal CLI (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
  }
  return bin;
}

/**
 * Path to a Temporal CLI binary. Order: `GENQ_TEMPORAL_BIN`, a `temporal` on PATH, the
 * binary cached under `${XDG_CACHE_HOME:-~/.cache}/genq/bin`, then a build from the Go
 * module proxy into that cache (minutes, once per machine).
 */
async function ensureTemporalBinary({ log = console.log } = {}) {
  const cached = cachedToolPath('temporal');
  return resolveTool({
    what: 'the Temporal CLI',
    envVar: 'GENQ_TEMPORAL_BIN',
    probe: probeTemporal,
    routes: [
      { name: '`temporal` on PATH', attempt: async () => { const bin = which('temporal'); return bin && probeTemporal(bin); } },
      { name: `cached binary ${cached}`, attempt: async () => isExecutableFile(cached) ? probeTemporal(cached) : undefined },
      {
        name: `go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`,
        attempt: async () =>
          probeTemporal(await buildGoTool({ name: 'temporal', pkg: TEMPORAL_CLI_MODULE, version: TEMPORAL_CLI_VERSION, log })),
      },
    ],
  });
}

/**
 * Starts `temporal server start-dev` on 127.0.0.1 and resolves once `namespace` answers.
 * Omit `dbFile` for an in-memory server; ports default to free ones. Search attributes are
 * registered by the server at start (`--search-attribute Name=Type`), which is idempotent
 * across restarts on the same dbFile.
 */
async function startTemporalDevServer({
  bin,
  dbFile,
  port,
  uiPort,
  namespace = 'default',
  searchAttributes = {},
  dynamicConfig = {},
  log = console.log,
  logFile,
  startupTimeoutMs = 90_000,
} = {}) {
  bin = bin ?? (await ensureTemporalBinary({ log }));
  port = port ?? (await freePort());
  uiPort = uiPort ?? (await freePort());
  logFile = logFile ?? path.join(os.tmpdir(), `genq-temporal-${port}.log`);
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--port', String(port), '--ui-port', String(uiPort), '--ip', '127.0.0.1', '--log-level', 'warn'];
  if (dbFile) {
    fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries({ ...DEV_SERVER_DYNAMIC_CONFIG, ...dynamicConfig })) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }

  // The CLI reads TEMPORAL_* variables (address, TLS, API key) meant for the apps under test;
  // they must not redirect or secure the health checks of this local server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TEMPORAL_')));

  const { child, exited, stop } = spawnLogged(bin, args, { logFile, env });

  log(`[genq] starting Temporal dev server on ${address} (UI http://127.0.0.1:${uiPort}, log ${logFile})`);
  const deadline = Date.now() + startupTimeoutMs;
  for (;;) {
    if (exited()) {
      throw new Error(`Temporal dev server exited during start-up (${exited().code ?? exited().signal}); last lines of ${logFile}:\n${tailFile(logFile)}`);
    }
    const r = await run(bin, ['operator', 'namespace', 'describe', '--namespace', namespace, '--address', address], { env, timeoutMs: 10_000 });
    if (r.code === 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Temporal dev server on ${address} did not serve namespace "${namespace}" within ${startupTimeoutMs} ms ` +
          `(last check: ${r.stderr.trim().split('\n').pop()}); last lines of ${logFile}:\n${tailFile(logFile)}`,
      );
    }
    await sleep(500);
  }
  return { address, namespace, uiUrl: `http://127.0.0.1:${uiPort}`, logFile, process: child, stop };
}

function testServerDir(version) {
  return path.join(genqCacheDir(), 'time-skipping', version);
}

/** True when the wrapper exists and every jar it names is still in the local Maven repository. */
function testServerReady(dir) {
  const wrapper = path.join(dir, 'test-server.sh');
  const classpathFile = path.join(dir, 'classpath.txt');
  if (!isExecutableFile(wrapper) || !fs.existsSync(classpathFile)) return false;
  return fs
    .readFileSync(classpathFile, 'utf8')
    .trim()
    .split(path.delimiter)
    .every((jar) => jar && fs.existsSync(jar));
}

function testServerPom(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by @genq/infra: resolves Temporal's time-skipping test server and its classpath. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.genq</groupId>
  <artifactId>temporal-test-server-runner</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/**
 * Path to an executable that runs Temporal's time-skipping test server from Maven Central
 * (`test-server.sh <port> --enable-time-skipping`), for the TypeScript SDK's
 * `server.executable = { type: 'existing-path', path }`; the SDK would otherwise download
 * the native build from GitHub. Needs `java` (17+) and `mvn`; resolved once per machine.
 */
async function ensureTimeSkippingTestServer({ log = console.log, version = TEST_SERVER_VERSION } = {}) {
  const dir = testServerDir(version);
  const wrapper = path.join(dir, 'test-server.sh');
  if (testServerReady(dir)) return wrapper;
  return withLock(
    `${dir}.lock`,
    async () => {
      if (testServerReady(dir)) return wrapper;
      const java = await run('java', ['-version']).catch((err) => ({ code: -1, stderr: err.message }));
      if (java.code !== 0) throw new Error(`the time-skipping test server needs \`java\` (17+) on PATH: ${java.stderr.trim()}`);
      if (!which('mvn')) throw new Error('the time-skipping test server is resolved from Maven Central with `mvn`, which is not on PATH');

      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'pom.xml'), testServerPom(version));
      log(`[genq] resolving io.temporal:temporal-test-server:${version} from Maven Central into ${dir}`);
      const classpathFile = path.join(dir, 'classpath.txt');
      await runChecked(
        'mvn',
        [
          '-B',
          '-q',
          '-f',
          path.join(dir, 'pom.xml'),
          'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
          `-Dmdep.outputFile=${classpathFile}`,
          '-Dmdep.includeScope=runtime',
        ],
        { cwd: dir, timeoutMs: 20 * 60_000 },
      );
      const classpath = fs.readFileSync(classpathFile, 'utf8').trim();
      const script = `#!/bin/sh
# Generated by @genq/infra: Temporal's time-skipping test server ${version} from Maven Central.
# Usage: ${wrapper} <port> --enable-time-skipping
exec "\${JAVA_HOME:+\$JAVA_HOME/bin/}java" -cp '${classpath}' io.temporal.testserver.TestServer "$@"
`;
      // Written aside and renamed so a concurrent reader never runs a half-written script.
      const partial = `${wrapper}.${process.pid}.tmp`;
      fs.writeFileSync(partial, script, { mode: 0o755 });
      fs.renameSync(partial, wrapper);
      return wrapper;
    },
    { log, what: 'the time-skipping test server' },
  );
}

module.exports = {
  ensureTemporalBinary,
  startTemporalDevServer,
  ensureTimeSkippingTestServer,
  TEMPORAL_CLI_VERSION,
  TEST_SERVER_VERSION,
};
