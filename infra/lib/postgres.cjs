'use strict';
/**
 * Throw-away PostgreSQL clusters owned by one test run: initdb into a temporary directory,
 * start on a free loopback port, remove on stop. No server survives between CI sessions,
 * so each run brings its own; Debian's `postgresql` package provides the binaries.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { genqCacheDir, withLock } = require('./cache.cjs');
const { freePort } = require('./ports.cjs');
const { run, runChecked, which, isExecutableFile, tailFile } = require('./exec.cjs');

const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'psql'];
const SUPERUSER = 'postgres';

function hasServerBinaries(dir) {
  return REQUIRED_BINARIES.every((name) => isExecutableFile(path.join(dir, name)));
}

/**
 * A directory holding initdb, pg_ctl, postgres and psql together. Debian puts them in
 * /usr/lib/postgresql/<major>/bin (only client wrappers are on PATH), so a PATH hit is
 * followed through its symlink to that directory.
 */
function findBinDir() {
  const initdb = which('initdb');
  if (initdb) {
    for (const dir of [path.dirname(fs.realpathSync(initdb)), path.dirname(initdb)]) {
      if (hasServerBinaries(dir)) return dir;
    }
  }
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  return majors.map((v) => path.join(root, v, 'bin')).find(hasServerBinaries);
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Finds the PostgreSQL server binaries, installing Debian's `postgresql` package when they
 * are missing and we may (root with apt-get).
 */
async function ensurePostgresInstalled({ log = console.log } = {}) {
  let binDir = findBinDir();
  if (binDir) return { binDir };
  if (!isRoot() || !which('apt-get')) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl, postgres, psql) were found neither on PATH nor in ' +
        '/usr/lib/postgresql/*/bin. Install them, e.g. `sudo apt-get install -y postgresql`.',
    );
  }
  // apt/dpkg allow one installer at a time; a second test run waits here instead of failing.
  await withLock(
    path.join(genqCacheDir(), '.postgres-install.lock'),
    async () => {
      if (findBinDir()) return;
      log('[genq] installing PostgreSQL with apt-get (apt-get update && apt-get install -y postgresql)');
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      await runChecked('apt-get', ['update'], { env });
      await runChecked('apt-get', ['install', '-y', 'postgresql'], { env });
    },
    { log, what: 'the PostgreSQL installation' },
  );
  binDir = findBinDir();
  if (!binDir) throw new Error('apt-get installed postgresql, but initdb/pg_ctl/postgres/psql are still not in /usr/lib/postgresql/*/bin');
  return { binDir };
}

/**
 * initdb and postgres refuse to run as root. As root we run them as Debian's `postgres`
 * system user (created by the package) and give it the cluster directory.
 */
function serverCommand(cmd, args) {
  if (!isRoot()) return [cmd, args];
  if (which('runuser')) return ['runuser', ['-u', SUPERUSER, '--', cmd, ...args]];
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['su', [SUPERUSER, '-s', '/bin/sh', '-c', quoted]];
}

function runAsServerUser(cmd, args, options) {
  const [c, a] = serverCommand(cmd, args);
  return runChecked(c, a, options);
}

function serverUserIds() {
  const r = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) {
    throw new Error(`running as root, but there is no \`${SUPERUSER}\` system user to run PostgreSQL as (install Debian's postgresql package)`);
  }
  return { uid: Number(r.stdout), gid: Number(g.stdout) };
}

/**
 * Starts a fresh cluster on 127.0.0.1 and a free port: trust authentication, UTF8, locale
 * C, and durability off (fsync, synchronous_commit, full_page_writes) because the data
 * dies with the test run anyway. `keep: true` leaves the directory (data and
 * postgres.log) behind on stop, for a look after a failure.
 */
async function startPostgres({ log = console.log, keep = false } = {}) {
  const { binDir } = await ensurePostgresInstalled({ log });
  const bin = (name) => path.join(binDir, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genq-pg-'));
  if (isRoot()) {
    const { uid, gid } = serverUserIds();
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const host = '127.0.0.1';
  let stopped = false;

  const stopSync = () => {
    spawnSync(...serverCommand(bin('pg_ctl'), ['-D', dataDir, 'stop', '-m', 'immediate', '-w']), { stdio: 'ignore' });
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  // pg_ctl daemonises postgres, so nothing else would stop it if the test process dies.
  const stopOnExit = () => {
    if (!stopped) stopSync();
  };
  process.once('exit', stopOnExit);

  let port;
  try {
    await runAsServerUser(bin('initdb'), ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    port = await freePort();
    // Settings go into postgresql.conf rather than `pg_ctl -o`, which would need shell quoting.
    fs.appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [
        '',
        '# Added by @genq/infra for a throw-away test cluster',
        `listen_addresses = '${host}'`,
        `port = ${port}`,
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        '',
      ].join('\n'),
    );
    await runAsServerUser(bin('pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
  } catch (err) {
    const serverLog = fs.existsSync(logFile) ? `\nlast lines of ${logFile}:\n${tailFile(logFile)}` : '';
    stopped = true;
    process.removeListener('exit', stopOnExit);
    stopSync();
    throw new Error(`PostgreSQL did not start: ${err.message}${serverLog}`);
  }
  log(`[genq] PostgreSQL running on ${host}:${port} (${dir})`);

  const url = (dbName) => `postgres://${SUPERUSER}@${host}:${port}/${encodeURIComponent(dbName)}`;

  async function createDatabase(name) {
    const identifier = `"${name.replace(/"/g, '""')}"`;
    await runChecked(bin('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url('postgres'), '-c', `CREATE DATABASE ${identifier}`]);
    return url(name);
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopOnExit);
    const [c, a] = serverCommand(bin('pg_ctl'), ['-D', dataDir, 'stop', '-m', 'immediate', '-w']);
    const r = await run(c, a);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    if (r.code !== 0) log(`[genq] pg_ctl stop exited ${r.code}: ${r.stderr.trim()}`);
  }

  return { host, port, user: SUPERUSER, dir, binDir, url, createDatabase, stop };
}

module.exports = { ensurePostgresInstalled, startPostgres };
