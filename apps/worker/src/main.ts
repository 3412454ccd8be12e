import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ConfigError, tcpClient, temporalTlsOptions } from '@genq/service-kit';
import { createBatchActivities } from './activities/batch.activities';
import { Mailer } from './activities/mailer';
import { createProcessActivities } from './activities/process.activities';
import { readWorkerConfig } from './config';
import { registerSearchAttributes } from './search-attributes';

async function main(): Promise<void> {
  const config = readWorkerConfig();
  const tls = temporalTlsOptions(config.temporal);
  const actors = tcpClient(config.actors);
  const mailer = config.mail ? new Mailer(config.mail) : null;
  const clientConnection = await Connection.connect({ address: config.temporal.address, tls });
  if (config.registerSearchAttributes) {
    const added = await registerSearchAttributes(clientConnection, config.temporal.namespace);
    if (added.length) console.log(`registered search attributes ${added.join(', ')}`);
  }
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
  const connection = await NativeConnection.connect({ address: config.temporal.address, tls });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: require.resolve('@genq/workflows'),
    activities: { ...createProcessActivities({ actors, mailer }), ...createBatchActivities({ client, actors }) },
  });
  console.log(`worker polling task queue ${config.taskQueue} on ${config.temporal.address}${mailer ? ' (mail on)' : ''}`);
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  await Promise.all([connection.close(), clientConnection.close()]);
  actors.close();
  mailer?.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
