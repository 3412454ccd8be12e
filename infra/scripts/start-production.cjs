#!/usr/bin/env node
'use strict';
/**
 * `npm run start:production`: the production profile without Docker (infra/lib/production.cjs):
 * the real Temporal server on PostgreSQL, PostgreSQL for every service, a three-node NATS
 * JetStream cluster, two replicas of every service, two workers, the gateway and the console,
 * with the variables docker-compose.yml sets. Waits until everything is healthy, prints the
 * addresses and the start-up time, and stops every process on Ctrl-C. The databases belong to
 * this run and go with it.
 */
const path = require('node:path');
const { ensureInstalled, build, ROOT } = require('./common.cjs');

function optionalPort(name) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

async function main() {
  await ensureInstalled();
  await build();
  const { startProductionStack, PRODUCTION_REPLICAS } = require('../lib/production.cjs');
  const { DEMO_PASSWORD, bootstrapAdmin } = require('../lib/demo.cjs');
  const dataDir = path.resolve(ROOT, process.env.GENQ_PRODUCTION_DATA_DIR || 'data-production');
  const stack = await startProductionStack({
    dataDir,
    ports: { gateway: optionalPort('GATEWAY_PORT'), console: optionalPort('CONSOLE_PORT') },
    withConsole: true,
  });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[genq] ${signal}: stopping every process of the production profile ...`);
    await stack.stop();
    console.log('[genq] stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const replicas = Object.entries(PRODUCTION_REPLICAS).map(([app, n]) => `${app} ×${n}`).join(', ');
  console.log(`
  GenQ läuft im Produktionsprofil / GenQ is running in the production profile

    Konsole / console     ${stack.consoleUrl}
    API                   ${stack.gatewayUrl}/api
    API-Dokumentation     ${stack.apiDocsUrl}
    Temporal (gRPC)       ${stack.temporalAddress}  (temporal --address ${stack.temporalAddress} workflow list)
    Temporal metrics      ${stack.temporalMetricsUrl}
    PostgreSQL            ${stack.postgres.host}:${stack.postgres.port} (user ${stack.postgres.user})
    NATS cluster          ${stack.natsUrl}
    NATS monitoring       ${stack.natsMonitorUrls.join(' ')}
    Prozesse / processes  ${replicas}, gateway ×1, console ×1
    Logs                  ${path.join(dataDir, 'logs')}

  Anmeldung / sign in: ${bootstrapAdmin().email}, password ${process.env.GENQ_BOOTSTRAP_ADMIN_PASSWORD ? '(GENQ_BOOTSTRAP_ADMIN_PASSWORD)' : DEMO_PASSWORD}
  Start-up: ${seconds(stack.timings.startMs)} (plus ${seconds(stack.timings.provisionMs)} to find or build the binaries)

  Stop with Ctrl-C. The databases of this run go with it.
`);
}

main().catch((err) => {
  console.error(`[genq] start:production failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
