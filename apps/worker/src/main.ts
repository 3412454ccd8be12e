import 'reflect-metadata';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ConfigError, tcpClient, temporalTlsOptions } from '@genq/service-kit';
import { createProcessActivities } from './activities/process.activities';
import { readWorkerConfig } from './config';


async function main(): Promise<void> {
  const config = readWorkerConfig();
  const actors = tcpClient(config.actors);
  const connection = await NativeConnection.connect({ address: config.temporal.address, tls: temporalTlsOptions(config.temporal) });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: require.resolve('@genq/workflows'),
    activities: createProcessActivities({ actors }),
  });
  console.log(`worker polling task queue ${config.taskQueue} on ${config.temporal.address}`);
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  await connection.close();
  actors.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
