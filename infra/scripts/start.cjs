#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole system on embedded defaults, from a fresh clone.
 * Installs dependencies if missing, builds, obtains the Temporal and NATS servers, starts every
 * process with its data under data/, seeds the demo once, prints where to go, and stops
 * everything cleanly on Ctrl-C. A second start keeps all data and running workflows.
 */
const path = require('node:path');
const { ensureInstalled, build, envPorts } = require('./common.cjs');

const ROOT = path.resolve(__dirname, '../..');

async function main() {
  await ensureInstalled();
  await build();
  const { startStack } = require('../lib/stack.cjs');
  const { seedDemo } = require('../lib/seed.cjs');
  const { DEMO_PASSWORD, bootstrapAdmin, demoAccountLines } = require('../lib/demo.cjs');
  const dataDir = path.resolve(ROOT, process.env.GENQ_DATA_DIR || 'data');
  const ports = envPorts();
  const stack = await startStack({ dataDir, ports, withConsole: true });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[genq] ${signal}: stopping every process (data stays in ${path.relative(ROOT, dataDir) || dataDir}/) ...`);
    await stack.stop();
    console.log('[genq] stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir });

  console.log(`
  GenQ läuft / GenQ is running

    Konsole / console     ${stack.consoleUrl}
    API                   ${stack.gatewayUrl}/api
    API-Dokumentation     ${stack.apiDocsUrl}
    Temporal Web UI       ${stack.temporalUiUrl}
    NATS (JetStream)      ${stack.natsUrl}, monitoring ${stack.natsMonitorUrl}
    Daten / data          ${dataDir}
    Logs                  ${path.join(dataDir, 'logs')}

  Anmeldung / sign in: demo accounts, password ${DEMO_PASSWORD}${process.env.GENQ_BOOTSTRAP_ADMIN_PASSWORD ? ' (the admin: GENQ_BOOTSTRAP_ADMIN_PASSWORD)' : ''}
${demoAccountLines()
  .map((a, i) => `    ${(i === 0 ? bootstrapAdmin().email : a.email).padEnd(32)}${a.role.padEnd(17)}${a.note}`)
  .join('\n')}

  Stop with Ctrl-C. Everything is kept for the next \`npm start\`.
`);
}

main().catch((err) => {
  console.error(`[genq] start failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
