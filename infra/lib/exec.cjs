'use strict';
/**
 * Child-process helpers shared by the provisioning modules. Node builtins only: this code
 * runs on a fresh clone before `npm install`.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * Runs a command to completion and collects its output. Resolves for any exit code, so
 * callers can treat "not installed" and "failed" as routes to try next; rejects only when
 * the command cannot be started at all.
 */
function run(cmd, args = [], { env, cwd, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = timeoutMs
      ? setTimeout(() => {
          stderr += `\n[killed after ${timeoutMs} ms]`;
          child.kill('SIGKILL');
        }, timeoutMs)
      : undefined;
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Like {@link run} but throws, with the command's own output, unless it exits 0. */
async function runChecked(cmd, args = [], options = {}) {
  const result = await run(cmd, args, options);
  if (result.code !== 0) {
    const output = `${result.stderr}\n${result.stdout}`.trim();
    throw new Error(
      `\`${[cmd, ...args].join(' ')}\` exited with ${result.code ?? result.signal}` +
        (output ? `:\n${lastLines(output, 30)}` : ''),
    );
  }
  return result;
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable named `name` on PATH, or undefined. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function lastLines(text, count) {
  return text.split('\n').slice(-count).join('\n');
}

/** The last lines of a log file, for error messages; never throws. */
function tailFile(file, count = 40) {
  try {
    return lastLines(fs.readFileSync(file, 'utf8').trimEnd(), count);
  } catch (err) {
    return `(could not read ${file}: ${err.message})`;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts a long-running process (a server, an app) with stdout and stderr appended to
 * `logFile`. It is killed when this process exits, since an orphaned server keeps its ports,
 * store or SQLite file busy for the next run. `stop()` sends SIGTERM and SIGKILL after
 * `timeoutMs`; `kill()` is SIGKILL at once, as a crash or an OOM kill would be; `exited()` is
 * the exit (code, signal) once there is one.
 */
function spawnLogged(cmd, args, { logFile, env, cwd } = {}) {
  fs.mkdirSync(path.dirname(path.resolve(logFile)), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let exited;
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve((exited = { code, signal }));
    }),
  );
  return {
    child,
    exited: () => exited,
    async stop({ timeoutMs = 10_000 } = {}) {
      if (exited) return;
      child.kill('SIGTERM');
      const escalate = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exitPromise;
      clearTimeout(escalate);
    },
    async kill() {
      if (exited) return;
      child.kill('SIGKILL');
      await exitPromise;
    },
  };
}

/**
 * Tries each route in order and returns the first route's result. A route signals "not
 * here" by returning undefined or throwing; the final error names every route and why it
 * did not work, so a failing CI log says what to fix without reading code.
 */
async function firstWorkingRoute(what, routes) {
  const failures = [];
  for (const route of routes) {
    try {
      const result = await route.attempt();
      if (result !== undefined) return result;
      failures.push(`${route.name}: not found`);
    } catch (err) {
      failures.push(`${route.name}: ${err.message}`);
    }
  }
  throw new Error(`Could not provide ${what}. Tried, in order:\n${failures.map((f, i) => `  ${i + 1}. ${f}`).join('\n')}`);
}

/**
 * Resolves an external tool: an explicit path from `envVar` wins and must work (a
 * configured path that does not is a mistake to report, not a reason to build); otherwise
 * the `routes` in order, via {@link firstWorkingRoute}. `probe(path)` returns the result or
 * throws why the file is not the tool.
 */
async function resolveTool({ what, envVar, probe, routes }) {
  const explicit = process.env[envVar];
  if (explicit) {
    if (!isExecutableFile(explicit)) throw new Error(`${envVar}=${explicit} is not an executable file`);
    return probe(explicit);
  }
  const notSet = { name: envVar, attempt: async () => { throw new Error('not set'); } };
  return firstWorkingRoute(what, [notSet, ...routes]);
}

module.exports = { run, runChecked, which, isExecutableFile, tailFile, lastLines, sleep, firstWorkingRoute, resolveTool, spawnLogged };
