'use strict';
// The databases every service test runs against: a throw-away SQLite file and a database
// in a real PostgreSQL cluster that the test run starts itself (one cluster per test file).
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startPostgres } = require('./postgres.cjs');

/**
 * @param {string} name database name prefix, e.g. 'actors'
 * @returns {Promise<{ databases: Array<{ label: string, config: object }>, cleanup(): Promise<void> }>}
 */
async function startTestDatabases(name) {
  const dir = mkdtempSync(join(tmpdir(), `genq-${name}-`));
  const pg = await startPostgres({ log: () => {} });
  const url = await pg.createDatabase(`${name}_test`);
  return {
    databases: [
      { label: 'sqlite', config: { type: 'sqlite', path: join(dir, `${name}.sqlite`) } },
      { label: 'postgres', config: { type: 'postgres', url, ssl: false } },
    ],
    async cleanup() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startTestDatabases };
