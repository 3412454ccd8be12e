'use strict';
/**
 * The per-user cache for tools the project builds or resolves itself (Temporal CLI, the
 * time-skipping test server, docker compose). It lives outside the clone so that CI's fresh
 * clone and every other clone on the machine reuse what an earlier run built.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { sleep } = require('./exec.cjs');

function genqCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'genq');
}

function readOwner(lockDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return err.code === 'EPERM';
  }
}

/** Why an existing lock can be taken over, or undefined while its owner is still working. */
function staleReason(lockDir, owner, staleMs) {
  let ageMs;
  try {
    ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return 'gone';
  }
  if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) return `its owner (pid ${owner.pid}) has exited`;
  // An owner file is written right after mkdir; a lock without one for long was left by a crash.
  if (!owner && ageMs > 30_000) return 'it has no owner record';
  if (ageMs > staleMs) return `it is older than ${Math.round(staleMs / 60_000)} minutes`;
  return undefined;
}

/**
 * Runs `fn` while holding a directory lock (mkdir is atomic on every filesystem we use),
 * so two test runs on one machine do not build the same tool twice. Locks left behind by a
 * dead process or older than `staleMs` are taken over. Callers re-check their cache inside
 * `fn`: whoever held the lock before may have just produced what they need.
 */
async function withLock(lockDir, fn, { log = console.log, what = 'the cache', staleMs = 45 * 60_000, maxWaitMs = 60 * 60_000 } = {}) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + maxWaitMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(
        path.join(lockDir, 'owner.json'),
        JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }),
      );
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = readOwner(lockDir);
    const reason = staleReason(lockDir, owner, staleMs);
    if (reason) {
      log(`[genq] taking over the lock on ${what} (${lockDir}): ${reason}`);
      // Rename before deleting so that a concurrent taker-over cannot remove a lock that
      // another process created in between; only one rename of the stale dir succeeds.
      const tomb = `${lockDir}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(lockDir, tomb);
        fs.rmSync(tomb, { recursive: true, force: true });
      } catch {
        /* someone else took it over first */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${maxWaitMs / 60_000} minutes waiting for the lock on ${what} (${lockDir}, held by ${JSON.stringify(owner)})`);
    }
    if (!announced) {
      log(`[genq] waiting for another process that is preparing ${what} (lock ${lockDir}, owner ${JSON.stringify(owner)})`);
      announced = true;
    }
    await sleep(2000);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

module.exports = { genqCacheDir, withLock };
