import './telemetry';
import 'reflect-metadata';
import { createServer, type AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryPlugin,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import type { NatsConnection } from 'nats';
import type { ClientProxy } from '@nestjs/microservices';
import { ActorsPatterns, EVENT_CONSUMERS, IncidentsPatterns, type IncidentScanResult, type ProgrammeDto, type QuarterDto } from '@genq/contracts';
import {
  appLogger,
  ConfigError,
  EventConsumer,
  initMetrics,
  natsClient,
  natsClientProbe,
  ObservabilityHealthModule,
  openEventStream,
  PinoNestLogger,
  ReadinessChecks,
  registerReadinessProbe,
  request,
  rootLogger,
  startManagement,
  startTelemetry,
  telemetry,
  temporalTlsOptions,
  type NatsConfig,
} from '@genq/service-kit';
import { isTransientForBridge, processBridge } from './bridge/process-bridge';
import { isTransientForStarter, processStarter, StartConfirmations, StartReconciler, type StarterDeps } from './bridge/process-starter';
import { createBatchActivities } from './activities/batch.activities';
import { Mailer } from './activities/mailer';
import { createProcessActivities } from './activities/process.activities';
import { readWorkerConfig } from './config';
import { registerSearchAttributes } from './search-attributes';
import { incidentNotice, IncidentScanner } from './incidents/scanner';
import { createIncidentActivities } from './incidents/repair.activities';

async function main(): Promise<void> {
  const config = readWorkerConfig();
  rootLogger('worker');
  initMetrics('worker');
  const management = await startManagement('worker');
  await installRuntime(management.url !== null ? (source) => management.addMetricsSource(source) : null);
  const tls = temporalTlsOptions(config.temporal);
  const actors = natsClient(config.nats, 'genq-worker');
  const mailer = config.mail ? new Mailer(config.mail) : null;
  const clientConnection = await Connection.connect({ address: config.temporal.address, tls });
  if (config.registerSearchAttributes) {
    const added = await registerSearchAttributes(clientConnection, config.temporal.namespace);
    if (added.length) log.info(`registered search attributes ${added.join(', ')}`);
  }
  // The bridge's updates and the batch activities' starts carry the trace into the workflows.
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
  const processActivities = createProcessActivities({ actors, mailer });
  const connection = await NativeConnection.connect({ address: config.temporal.address, tls });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.taskQueue,
    workflowsPath: config.workflowsPath,
    activities: { ...processActivities, ...createBatchActivities({ client, actors }), ...createIncidentActivities({ client, actors, namespace: config.temporal.namespace }) },
    ...config.limits,
    ...workflowTracing(otel.spanProcessor),
  });
  registerReadinessProbe('temporal', async () => {
    await clientConnection.withDeadline(Date.now() + 3000, () => clientConnection.workflowService.getSystemInfo({}));
  });
  registerReadinessProbe('nats', natsClientProbe(actors));
  registerReadinessProbe('worker', () => {
    if (worker.getState() !== 'RUNNING') throw new Error(`the worker is ${worker.getState().toLowerCase()}`);
  });
  const health = await NestFactory.createApplicationContext(ObservabilityHealthModule.forRoot({ database: false }), { logger: new PinoNestLogger() });
  const checks = health.get(ReadinessChecks);
  management.setReadiness(() => checks.check());
  const { maxCachedWorkflows, maxConcurrentWorkflowTaskExecutions, maxConcurrentActivityTaskExecutions } = config.limits;
  log.info(
    `worker polling task queue ${config.taskQueue} on ${config.temporal.address}${mailer ? ' (mail on)' : ''}; cache ${maxCachedWorkflows} workflows, ${maxConcurrentWorkflowTaskExecutions} workflow tasks and ${maxConcurrentActivityTaskExecutions} activities at once; ${config.starterConcurrency} workflow starts at once`,
  );
  const starter: StarterDeps = { client, taskQueue: config.taskQueue, actors: starterActors(actors), log };
  const bridge = startBridge(config.nats, client, starter, config.starterConcurrency);
  const reconciler = new StartReconciler(starter);
  reconciler.start();
  const scanner = new IncidentScanner(
    {
      client,
      namespace: config.temporal.namespace,
      taskQueue: config.taskQueue,
      report: (r) => request<IncidentScanResult>(actors, 'actors', IncidentsPatterns.report, r),
      // The same path as a reminder: outbox first (once per incident), mail when configured.
      notify: async (incident) => {
        await processActivities.sendNotification(incidentNotice(incident, config.mail?.programmeOfficeEmail ?? null));
        await request(actors, 'actors', IncidentsPatterns.markNotified, incident.id);
      },
      log,
    },
    config.incidents,
  );
  if (config.incidents.everyMs > 0) scanner.start();
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  reconciler.stop();
  scanner.stop();
  await bridge.stop();
  await Promise.all([connection.close(), clientConnection.close()]);
  await actors.close();
  mailer?.close();
  await health.close();
  await otel.flush();
}

const pinoLog = appLogger('worker');
const log = { info: (m: string) => pinoLog.info(m), warn: (m: string) => pinoLog.warn(m) };
// Set up by ./telemetry, the first import.
const otel = telemetry() ?? startTelemetry('worker');

/**
 * Spans inside the workflows only when traces are exported. The sandbox evaluates the
 * OpenTelemetry modules once per workflow it holds (about 250 KB and 8 ms each, measured in
 * docs/benchmarks.md): with 10,000 open quarters and a cache of 500, every cold workflow task paid
 * it, for spans that were dropped. Without an endpoint the activities still make their spans
 * (trace ids in their log lines and in their requests to the services), each activity a trace
 * of its own instead of a child of the request that started the workflow.
 */
function workflowTracing(spanProcessor: typeof otel.spanProcessor): Pick<WorkerOptions, 'plugins' | 'interceptors'> {
  // Workflow, update and activity spans, children of the update or start that caused them.
  if (spanProcessor) return { plugins: [new OpenTelemetryPlugin({ resource: otel.resource, spanProcessor })] };
  return {
    interceptors: {
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
  };
}

/**
 * The Temporal SDK's runtime: its log lines through the process's logger, and its worker
 * metrics (task latencies, slots, sticky cache) on a Prometheus endpoint on a free loopback
 * port, which the management server's /metrics appends (one scrape per process).
 */
async function installRuntime(addMetricsSource: ((source: () => Promise<string>) => void) | null): Promise<void> {
  const sdkLog = appLogger('temporal');
  const logger = new DefaultLogger('INFO', ({ level, message, meta }) => {
    const fields = { ...(meta ?? {}) };
    const byLevel: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };
    sdkLog[byLevel[level]](fields, message);
  });
  if (!addMetricsSource) {
    Runtime.install({ logger });
    return;
  }
  const port = await freeLoopbackPort();
  const bindAddress = `127.0.0.1:${port}`;
  Runtime.install({ logger, telemetryOptions: { metrics: { prometheus: { bindAddress, useSecondsForDurations: true } } } });
  addMetricsSource(async () => {
    const res = await fetch(`http://${bindAddress}/metrics`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? await res.text() : '';
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The actors service as the process starter asks it. */
function starterActors(actors: ClientProxy): StarterDeps['actors'] {
  // One request confirms every start that finished while the previous one was on its way.
  const confirmations = new StartConfirmations((ids) => request<{ confirmed: number }>(actors, 'actors', ActorsPatterns.markWorkflowStarted, ids));
  return {
    markWorkflowStarted: (id) => confirmations.confirm(id),
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
function startBridge(nats: NatsConfig, client: Client, starter: StarterDeps, starterConcurrency: number): { stop(): Promise<void> } {
  let nc: NatsConnection | null = null;
  const consumers: EventConsumer[] = [];
  let stopped = false;
  const started = (async () => {
    nc = await openEventStream(nats, 'genq-worker-bridge', () => stopped);
    if (!nc) return;
    const specs = [
      { ...EVENT_CONSUMERS.processStarter, handle: processStarter(starter), isTransient: isTransientForStarter, concurrency: starterConcurrency },
      { ...EVENT_CONSUMERS.processBridge, handle: processBridge(client, log), isTransient: isTransientForBridge, concurrency: 1 },
    ];
    for (const { durable, subjects, handle, isTransient, concurrency } of specs) {
      const consumer = new EventConsumer(nc, { durable, subjects: [...subjects], handle, isTransient, concurrency, log: log.warn });
      consumers.push(consumer);
      await consumer.start();
      log.info(`${durable} consuming ${subjects.join(', ')}`);
    }
  })().catch((err: unknown) => pinoLog.error(`the worker's event consumers did not start: ${(err as Error).message}`));
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
