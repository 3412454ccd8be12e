import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import type { ClientProxy } from '@nestjs/microservices';
import { ActorsPatterns, EVENT_CONSUMERS, type ProgrammeDto, type QuarterDto } from '@genq/contracts';
import { ConfigError, EventConsumer, natsClient, openEventStream, request, temporalTlsOptions, type NatsConfig } from '@genq/service-kit';
import { isTransientForBridge, processBridge } from './bridge/process-bridge';
import { isTransientForStarter, processStarter, StartReconciler, type StarterDeps } from './bridge/process-starter';
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
    ...config.limits,
  });
  const { maxCachedWorkflows, maxConcurrentWorkflowTaskExecutions, maxConcurrentActivityTaskExecutions } = config.limits;
  console.log(
    `worker polling task queue ${config.taskQueue} on ${config.temporal.address}${mailer ? ' (mail on)' : ''}; cache ${maxCachedWorkflows} workflows, ${maxConcurrentWorkflowTaskExecutions} workflow tasks and ${maxConcurrentActivityTaskExecutions} activities at once`,
  );
  const starter: StarterDeps = { client, taskQueue: config.taskQueue, actors: starterActors(actors), log };
  const bridge = startBridge(config.nats, client, starter);
  const reconciler = new StartReconciler(starter);
  reconciler.start();
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  reconciler.stop();
  await bridge.stop();
  await Promise.all([connection.close(), clientConnection.close()]);
  await actors.close();
  mailer?.close();
}

const log = { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m) };

/** The actors service as the process starter asks it. */
function starterActors(actors: ClientProxy): StarterDeps['actors'] {
  return {
    markWorkflowStarted: (id) => request<QuarterDto>(actors, 'actors', ActorsPatterns.markWorkflowStarted, id),
    quartersAwaitingWorkflow: (olderThanMs) => request<QuarterDto[]>(actors, 'actors', ActorsPatterns.quartersAwaitingWorkflow, olderThanMs),
    programme: (id) => request<ProgrammeDto>(actors, 'actors', ActorsPatterns.getProgramme, id),
  };
}

/**
 * The worker's event consumers: the process starter (a registered quarter gets its
 * lifecycle workflow) and the process bridge (services' events become updates of their
 * quarters' workflows). They connect in the background, so the worker polls while NATS is
 * still (or again) away.
 */
function startBridge(nats: NatsConfig, client: Client, starter: StarterDeps): { stop(): Promise<void> } {
  let nc: NatsConnection | null = null;
  const consumers: EventConsumer[] = [];
  let stopped = false;
  const started = (async () => {
    nc = await openEventStream(nats, 'genq-worker-bridge', () => stopped);
    if (!nc) return;
    const specs = [
      { ...EVENT_CONSUMERS.processStarter, handle: processStarter(starter), isTransient: isTransientForStarter },
      { ...EVENT_CONSUMERS.processBridge, handle: processBridge(client, log), isTransient: isTransientForBridge },
    ];
    for (const { durable, subjects, handle, isTransient } of specs) {
      const consumer = new EventConsumer(nc, { durable, subjects: [...subjects], handle, isTransient, log: log.warn });
      consumers.push(consumer);
      await consumer.start();
      console.log(`${durable} consuming ${subjects.join(', ')}`);
    }
  })().catch((err: unknown) => console.error(`the worker's event consumers did not start: ${(err as Error).message}`));
  return {
    async stop() {
      stopped = true;
      await started;
      for (const consumer of consumers) await consumer.stop();
      await nc?.drain().catch(() => undefined);
    },
  };
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
