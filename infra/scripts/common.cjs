'use strict';
/** Steps shared by `npm start` and `npm test`. Node builtins only: runs before `npm install`. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

function sh(cmd, args, opts = {}) {
  // Nothing phones home: the machines this runs on may have no way out, and should not need one.
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...opts.env };
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts, env });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
async function ensureInstalled() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`Node.js 20.19 or newer is required, this is ${process.versions.node}`);
  }
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('[genq] installing dependencies (npm ci) ...');
  sh('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds every package and app; turbo skips what has not changed. */
async function build() {
  console.log('[genq] building ...');
  sh('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** Ports of the embedded stack; each can be moved with its environment variable. */
function envPorts() {
  return {
    gateway: port('GATEWAY_PORT', 3000),
    console: port('CONSOLE_PORT', 5173),
    temporal: port('TEMPORAL_PORT', 7233),
    temporalUi: port('TEMPORAL_UI_PORT', 8233),
    nats: port('NATS_PORT', 4222),
    natsMonitor: port('NATS_MONITOR_PORT', 8222),
  };
}

module.exports = { ROOT, sh, ensureInstalled, build, envPorts };
