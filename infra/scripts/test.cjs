#!/usr/bin/env node
'use strict';
/**
 * `npm test`: every test of the repository through turbo, on a fresh clone. First it
 * provisions what the tests run against (dependencies, the Temporal CLI binary, the Temporal
 * server and its SQL tool for the production profile, nats-server,
 * PostgreSQL and Chromium from Debian's packages, the docker compose client, Temporal's
 * time-skipping test server from Maven Central, schemathesis from PyPI for the API fuzz test),
 * reusing caches when present.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { ensureInstalled, sh } = require('./common.cjs');

async function main() {
  await ensureInstalled();
  const infra = require('../lib/index.cjs');
  await infra.ensureTemporalBinary();
  // The production profile's Temporal server and schema tool (e2e/test/production-*.e2e-spec.ts).
  await infra.ensureTemporalServer();
  await infra.ensureTemporalSqlTool();
  await infra.ensureNatsServer();
  await infra.ensurePostgresInstalled();
  await infra.ensureDockerCompose();
  await infra.ensureTimeSkippingTestServer();
  await infra.ensureChromium();
  await infra.ensureSchemathesis();
  // Two cores: two tasks at a time; each jest run is in-band.
  sh('npx', ['turbo', 'run', 'build', 'lint', 'test', '--concurrency=2', '--output-logs=new-only', '--continue', ...process.argv.slice(2)]);
  // The build regenerates the API's committed artefacts (the OpenAPI document, the response
  // schemas, the console's client types): a difference means they were committed stale.
  if (existsSync(join(__dirname, '../../.git'))) {
    sh('git', ['diff', '--exit-code', '--stat', '--', ...GENERATED]);
  }
}

const GENERATED = ['apps/gateway/openapi.json', 'apps/gateway/src/openapi/response-schemas.json', 'apps/console/src/api/schema.d.ts'];

main().catch((err) => {
  console.error(`[genq] tests failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
