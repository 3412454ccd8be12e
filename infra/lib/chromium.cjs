'use strict';
/**
 * Debian's Chromium for the browser tests (playwright-core drives it; a browser download
 * of Playwright's own is not possible here). Node builtins only.
 */
const path = require('node:path');
const { runChecked, which, isExecutableFile } = require('./exec.cjs');
const { genqCacheDir, withLock } = require('./cache.cjs');

/** Where the browser tests find Chromium: `CHROMIUM_PATH`, then Debian's /usr/bin/chromium. */
function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Returns Chromium's path, installing Debian's `chromium` package when missing and we may (root with apt-get). */
async function ensureChromium({ log = console.log } = {}) {
  const bin = chromiumPath();
  if (isExecutableFile(bin)) return bin;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${bin} is not an executable file`);
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error('Chromium was not found at /usr/bin/chromium. Install it (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  }
  await withLock(
    path.join(genqCacheDir(), '.apt-install.lock'),
    async () => {
      if (isExecutableFile(bin)) return;
      log('[genq] installing Chromium with apt-get (for the console tests)');
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      await runChecked('apt-get', ['update'], { env });
      await runChecked('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
    },
    { log, what: 'the Chromium installation' },
  );
  if (!isExecutableFile(bin)) throw new Error('apt-get installed chromium, but /usr/bin/chromium is still missing');
  return bin;
}

module.exports = { ensureChromium, chromiumPath };
