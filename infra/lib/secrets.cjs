'use strict';
/**
 * Secrets of the embedded default installation. Generated once per data directory and
 * kept in `<dataDir>/secrets.json` (mode 600, git-ignored with data/), then handed to the
 * apps through their environment: the apps read secrets only from the environment, and
 * nothing secret is in the repository. Production sets them itself (see docs/security.md).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** @returns {{ authJwtSecret: string }} */
function ensureSecrets(dataDir) {
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof stored.authJwtSecret === 'string' && stored.authJwtSecret.length >= 32) return stored;
  }
  const secrets = { authJwtSecret: crypto.randomBytes(48).toString('base64url') };
  // Exclusive create with the final mode: the secret is never readable by others, not even briefly.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  return secrets;
}

module.exports = { ensureSecrets };
