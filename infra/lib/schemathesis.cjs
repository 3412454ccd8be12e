'use strict';
/**
 * Schemathesis, the OpenAPI fuzzer of the contract test (e2e/test/api-fuzz.e2e-spec.ts), from
 * PyPI (the one registry that carries it): a virtual environment of Python 3.11 or newer with
 * the pinned version, cached per user beside the Temporal CLI and nats-server, so CI's fresh
 * clone and every later clone on the machine reuse it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { genqCacheDir, withLock } = require('./cache.cjs');
const { run, which, isExecutableFile, tailFile, resolveTool } = require('./exec.cjs');

/** Pinned: a new version may generate other cases or change its command line. */
const SCHEMATHESIS_VERSION = '4.32.5';

function cachedSchemathesisDir(version = SCHEMATHESIS_VERSION) {
  return path.join(genqCacheDir(), `schemathesis-${version}`);
}

/** Throws unless `bin` runs and reports the pinned version. */
async function probeSchemathesis(bin, version = SCHEMATHESIS_VERSION) {
  const r = await run(bin, ['--version'], { timeoutMs: 60_000 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.code !== 0 || !out.includes(version)) {
    throw new Error(`${bin} --version did not report schemathesis ${version} (exit ${r.code}): ${out.trim().slice(0, 200)}`);
  }
  return bin;
}

/** A Python of 3.10 or newer (schemathesis 4 needs it), preferring 3.11 which the machines have. */
async function findPython() {
  for (const name of ['python3.11', 'python3.12', 'python3.13', 'python3.10', 'python3']) {
    const bin = which(name);
    if (!bin) continue;
    const r = await run(bin, ['-c', 'import sys, venv; print(sys.version_info >= (3, 10))'], { timeoutMs: 30_000 });
    if (r.code === 0 && r.stdout.trim() === 'True') return bin;
  }
  throw new Error('no python3.10 or newer with the venv module on PATH (Debian: apt-get install python3 python3-venv)');
}

/**
 * Installs schemathesis into `<cache>/schemathesis-<version>` unless a concurrent caller
 * already did. A virtual environment cannot be moved once made, so it is made in place and
 * counts as complete only when the `.complete` marker is written after the install.
 */
async function installSchemathesis({ version = SCHEMATHESIS_VERSION, log = console.log } = {}) {
  const dir = cachedSchemathesisDir(version);
  const bin = path.join(dir, 'bin', 'schemathesis');
  const marker = path.join(dir, '.complete');
  return withLock(
    `${dir}.lock`,
    async () => {
      if (fs.existsSync(marker) && isExecutableFile(bin)) return bin;
      fs.rmSync(dir, { recursive: true, force: true });
      const python = await findPython();
      const installLog = `${dir}.install.log`;
      log(`[genq] installing schemathesis ${version} from PyPI into ${dir} (a minute); output in ${installLog}`);
      const step = async (cmd, args) => {
        const r = await run(cmd, args, { timeoutMs: 15 * 60_000 });
        fs.appendFileSync(installLog, `$ ${cmd} ${args.join(' ')}\n${r.stdout}${r.stderr}`);
        if (r.code !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.code}); last lines of ${installLog}:\n${tailFile(installLog, 25)}`);
      };
      fs.writeFileSync(installLog, '');
      await step(python, ['-m', 'venv', dir]);
      await step(path.join(dir, 'bin', 'python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', `schemathesis==${version}`]);
      await probeSchemathesis(bin, version);
      fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
      return bin;
    },
    { log, what: `the schemathesis ${version} install` },
  );
}

/**
 * Path to the schemathesis command. Order: `GENQ_SCHEMATHESIS_BIN`, the cached virtual
 * environment, then an install from PyPI into that cache.
 */
async function ensureSchemathesis({ log = console.log } = {}) {
  const dir = cachedSchemathesisDir();
  const cached = path.join(dir, 'bin', 'schemathesis');
  return resolveTool({
    what: `schemathesis ${SCHEMATHESIS_VERSION}`,
    envVar: 'GENQ_SCHEMATHESIS_BIN',
    probe: (bin) => probeSchemathesis(bin),
    routes: [
      { name: `cached ${cached}`, attempt: async () => (fs.existsSync(path.join(dir, '.complete')) && isExecutableFile(cached) ? probeSchemathesis(cached) : undefined) },
      { name: `pip install schemathesis==${SCHEMATHESIS_VERSION} into ${dir}`, attempt: () => installSchemathesis({ log }) },
    ],
  });
}

module.exports = { SCHEMATHESIS_VERSION, ensureSchemathesis, cachedSchemathesisDir };
