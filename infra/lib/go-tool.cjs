'use strict';
/**
 * Builds a Go command-line tool from the Go module proxy into the per-user cache. The
 * machines that build this project reach package registries only, and the Go proxy is the
 * one that carries the Temporal CLI and docker compose as source.
 */
const fs = require('node:fs');
const path = require('node:path');
const { genqCacheDir, withLock } = require('./cache.cjs');
const { run, which, isExecutableFile, tailFile } = require('./exec.cjs');

function cachedToolPath(name) {
  return path.join(genqCacheDir(), 'bin', name);
}

/**
 * The file name `go install` gives `pkg`'s binary: its last path element, except that a
 * major-version suffix (`.../nats-server/v2`) names the element before it, as Go does.
 */
function goBinaryName(pkg) {
  const parts = pkg.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}

function findGo() {
  const go = which('go') ?? ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'].find(isExecutableFile);
  if (!go) throw new Error('no `go` on PATH or in /usr/local/go/bin (install Go 1.25+ to build it from the Go module proxy)');
  return go;
}

/**
 * Builds `pkg@version` into `<cache>/bin/<name>` unless a concurrent caller already did.
 *
 * The binary is built into a private staging directory and renamed into place, so a reader
 * never sees a half-written file at the cached path. `viaScratchModule` builds from a
 * throw-away main module instead of `go install pkg@version`, for tools whose go.mod carries
 * `replace` or `exclude` directives (which `go install pkg@version` refuses); the directives
 * are then ignored, so use it only where upstream's excluded versions do not matter.
 * `ldflags` stamps what upstream's own release build stamps (a version string, say).
 * `name` is the cached file's name; the file Go writes is found by {@link goBinaryName}.
 */
async function buildGoTool({ name, pkg, version, viaScratchModule = false, ldflags, log = console.log }) {
  const target = cachedToolPath(name);
  const binDir = path.dirname(target);
  const go = findGo();
  return withLock(
    path.join(binDir, `.${name}.lock`),
    async () => {
      if (isExecutableFile(target)) return target;
      const staging = path.join(binDir, `.build-${name}-${process.pid}`);
      const buildLog = path.join(binDir, `${name}.build.log`);
      fs.rmSync(staging, { recursive: true, force: true });
      fs.mkdirSync(staging, { recursive: true });
      fs.writeFileSync(buildLog, '');
      log(`[genq] building ${name} (${pkg}@${version}) from the Go module proxy, this takes a few minutes on first run; output in ${buildLog}`);
      const started = Date.now();
      const progress = setInterval(
        () => log(`[genq] still building ${name} (${Math.round((Date.now() - started) / 60_000)} min)`),
        60_000,
      );
      // Go's module and build caches stay in their default per-user places, so a rebuild
      // (another version, another machine user's clone) reuses downloaded modules.
      // No VCS stamping: the scratch module may sit inside someone's git checkout of $HOME.
      const goflags = [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ');
      const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: goflags };
      const step = async (args, cwd) => {
        const r = await run(go, args, { env, cwd });
        fs.appendFileSync(buildLog, `$ go ${args.join(' ')}\n${r.stdout}${r.stderr}`);
        if (r.code !== 0) throw new Error(`\`go ${args.join(' ')}\` failed (exit ${r.code}); last lines of ${buildLog}:\n${tailFile(buildLog, 25)}`);
      };
      const flags = ['-trimpath', ...(ldflags ? ['-ldflags', ldflags] : [])];
      try {
        let built;
        if (viaScratchModule) {
          await step(['mod', 'init', `genq.local/build-${name}`], staging);
          await step(['get', `${pkg}@${version}`], staging);
          built = path.join(staging, name);
          await step(['build', ...flags, '-o', built, pkg], staging);
        } else {
          env.GOBIN = staging;
          await step(['install', ...flags, `${pkg}@${version}`], staging);
          built = path.join(staging, goBinaryName(pkg));
        }
        fs.renameSync(built, target);
        log(`[genq] built ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
        return target;
      } finally {
        clearInterval(progress);
        fs.rmSync(staging, { recursive: true, force: true });
      }
    },
    { log, what: `the ${name} build` },
  );
}

module.exports = { buildGoTool, cachedToolPath, goBinaryName };
