import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, EnvReader, natsClient, readNatsConfig, readTemporalConfig, temporalTlsOptions } from '@genq/service-kit';
import { checkConsistency } from './check';

const OWNER_LABEL = { agreements: 'Vereinbarungen', actors: 'Akteure', analysis: 'Analyse' } as const;

/**
 * `npm run check:consistency`: compares every quarter's process with the services that own
 * its facts and prints each mismatch; exit code 1 when there is one. Reads `TEMPORAL_*` and
 * `NATS_URL` like the other apps (the embedded defaults without them); `--json` prints
 * the whole report as JSON.
 */
async function main(): Promise<void> {
  const r = new EnvReader();
  const temporalConfig = readTemporalConfig(r);
  const natsConfig = readNatsConfig(r);
  r.done();
  const connection = await Connection.connect({ address: temporalConfig.address, tls: temporalTlsOptions(temporalConfig) });
  // One NATS connection reaches every service (each listens on its own subjects).
  const nats = natsClient(natsConfig, 'genq-consistency-check');
  const clients = { actors: nats, analysis: nats, agreements: nats };
  try {
    const report = await checkConsistency(new Client({ connection, namespace: temporalConfig.namespace }), clients);
    if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`Konsistenzprüfung ${report.checkedAt}: ${report.quarters} Quartiere, ${report.mismatches.length} Abweichungen, ${report.unreadable.length} nicht lesbar`);
      for (const m of report.mismatches) console.log(`  ${m.quarterId}  ${m.code}  Prozess: ${JSON.stringify(m.process)}  ${OWNER_LABEL[m.owner]}: ${JSON.stringify(m.service)}`);
      for (const u of report.unreadable) console.log(`  ${u.quarterId}  nicht lesbar: ${u.error}`);
    }
    process.exitCode = report.mismatches.length > 0 ? 1 : 0;
  } finally {
    await nats.close();
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
});
