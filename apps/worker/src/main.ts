import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import { EVENT_CONSUMERS } from '@genq/contracts';
import { ConfigError, EventConsumer, natsClient, openEventStream, temporalTlsOptions, type NatsConfig } from '@genq/service-kit';
import { isTransientForBridge, processBridge } from './bridge/process-bridge';
import { createBatchActivities } from './activities/batch.activities';
import { Mailer } from './activities/mailer';
import { createProcessActivities } from './activities/process.activities';
import { readWorkerConfig } from './config';
import { registerSearchAttributes } from './search-attributes';

async function main(): Promise<void> {
  const config = readWorkerConfig();
  const tls = temporalTlsOptions(config.temporal);
  const actors = natsClient(config.nats, 'genq-worker');
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
  const bridge = startBridge(config.nats, client);
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  await bridge.stop();
  await Promise.all([connection.close(), clientConnection.close()]);
  await actors.close();
  mailer?.close();
}

/**
 * The process bridge: services' events become updates of their quarters' workflows. It
 * connects in the background, so the worker polls while NATS is still (or again) away.
 */
function startBridge(nats: NatsConfig, client: Client): { stop(): Promise<void> } {
  let nc: NatsConnection | null = null;
  let consumer: EventConsumer | null = null;
  let stopped = false;
  const log = { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m) };
  const started = (async () => {
    nc = await openEventStream(nats, 'genq-worker-bridge', () => stopped);
    if (!nc) return;
    const { durable, subjects } = EVENT_CONSUMERS.processBridge;
    consumer = new EventConsumer(nc, { durable, subjects, handle: processBridge(client, log), isTransient: isTransientForBridge, log: log.warn });
    await consumer.start();
    console.log(`process bridge consuming ${subjects.join(', ')} as ${durable}`);
  })().catch((err: unknown) => console.error(`process bridge did not start: ${(err as Error).message}`));
  return {
    async stop() {
      stopped = true;
      await started;
      await consumer?.stop();
      await nc?.drain().catch(() => undefined);
    },
  };
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
