'use strict';
/**
 * Docker Compose v2 for checking docker-compose.yml (`config` needs no Docker engine).
 * Machines without Docker's own packages get it from the Go module proxy: Debian bookworm
 * only ships Compose v1, which lacks `config --format json`.
 */
const { buildGoTool, cachedToolPath } = require('./go-tool.cjs');
const { run, which, isExecutableFile, resolveTool } = require('./exec.cjs');

const COMPOSE_MODULE = 'github.com/docker/compose/v2/cmd';
const COMPOSE_VERSION = 'v2.40.3';

/** Resolves `command` if it is Compose v2 or newer, throws why not otherwise. */
async function probeCompose(command) {
  const [cmd, ...args] = command;
  const r = await run(cmd, [...args, 'version', '--short'], { timeoutMs: 30_000 }).catch((err) => ({ code: -1, stdout: '', stderr: err.message }));
  const version = r.stdout.trim();
  if (r.code !== 0) throw new Error(`\`${command.join(' ')} version\` failed: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  const major = Number(/^v?(\d+)\.\d+/.exec(version)?.[1]);
  if (!(major >= 2)) throw new Error(`\`${command.join(' ')} version --short\` printed "${version}"; Compose v2 or newer is needed`);
  return command;
}

/**
 * The command (argv prefix) that runs Docker Compose v2: `GENQ_DOCKER_COMPOSE` (a path),
 * the `docker compose` plugin, a v2 `docker-compose` on PATH, the cached build, then a
 * build from the Go module proxy (about three minutes on two cores).
 */
async function ensureDockerCompose({ log = console.log } = {}) {
  const cached = cachedToolPath('docker-compose');
  return resolveTool({
    what: 'Docker Compose v2',
    envVar: 'GENQ_DOCKER_COMPOSE',
    probe: (bin) => probeCompose([bin]),
    routes: [
      { name: '`docker compose` plugin', attempt: async () => which('docker') && probeCompose(['docker', 'compose']) },
      { name: '`docker-compose` on PATH', attempt: async () => { const bin = which('docker-compose'); return bin && probeCompose([bin]); } },
      { name: `cached binary ${cached}`, attempt: async () => isExecutableFile(cached) ? probeCompose([cached]) : undefined },
      {
        name: `go build ${COMPOSE_MODULE}@${COMPOSE_VERSION}`,
        attempt: async () => {
          const bin = await buildGoTool({
            name: 'docker-compose',
            pkg: COMPOSE_MODULE,
            version: COMPOSE_VERSION,
            // Its go.mod has `exclude` directives, which `go install pkg@version` refuses.
            viaScratchModule: true,
            ldflags: `-s -w -X github.com/docker/compose/v2/internal.Version=${COMPOSE_VERSION}`,
            log,
          });
          return probeCompose([bin]);
        },
      },
    ],
  });
}

module.exports = { ensureDockerCompose, COMPOSE_VERSION };
