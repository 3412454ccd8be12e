import { EnvReader, readNatsConfig, readTemporalConfig, type NatsConfig, type TemporalConfig } from '@genq/service-kit';
import { PROCESS_TASK_QUEUE } from '@genq/contracts';
import { STARTER_CONCURRENCY } from './bridge/process-starter';
import { DEFAULT_INCIDENT_THRESHOLDS } from './incidents/observe';
import { DEFAULT_CLOSED_WITHIN_MS, DEFAULT_NOTIFY_AFTER_MS, DEFAULT_SCAN_EVERY_MS, type IncidentScannerConfig } from './incidents/scanner';

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://...; mail is off when unset (the outbox still fills). */
  smtpUrl: string;
  from: string;
  /** Where escalations and stalled notices go. */
  programmeOfficeEmail: string | null;
}

export interface WorkerConfig {
  temporal: TemporalConfig;
  taskQueue: string;
  mail: MailConfig | null;
  /** Off only for Temporal test servers that cannot register search attributes. */
  registerSearchAttributes: boolean;
  /** Where the actors service takes requests and the services' events arrive for the process bridge (`NATS_URL`). */
  nats: NatsConfig;
  /** How much the worker holds and does at once (docs/operations.md, docs/benchmarks.md). */
  limits: WorkerLimits;
  /**
   * `WORKER_STARTER_CONCURRENCY`: registrations whose lifecycle workflows the process starter
   * starts at once (default {@link STARTER_CONCURRENCY}, 8).
   */
  starterConcurrency: number;
  /** The incident scanner (issue 18); `INCIDENT_SCAN_EVERY_MS=0` turns it off. */
  incidents: IncidentScannerConfig;
  /**
   * `WORKER_WORKFLOWS_PATH`: the workflow module the worker bundles, `@genq/workflows` unless
   * set. For canaries and tests only (e.g. a deliberately bad deploy in the e2e tests); a
   * production worker runs the workflows it was built with.
   */
  workflowsPath: string;
}

/**
 * The worker's bounds. The SDK's default cache grows with the heap (about 2,300 workflows,
 * 1 GB RSS at 10,000 open quarters); a deliberate size keeps the worker's memory flat however
 * many quarters are open. A workflow outside the cache is replayed from its history when it
 * next has work or is queried (the cold-query cost, measured in docs/benchmarks.md).
 */
export interface WorkerLimits {
  /** `WORKER_MAX_CACHED_WORKFLOWS`: workflows kept in memory (default 500). */
  maxCachedWorkflows: number;
  /**
   * `WORKER_MAX_CONCURRENT_WORKFLOW_TASKS`: workflow tasks the worker takes at once (default 8).
   * They run one after another on the worker's workflow thread, so more only makes tasks wait
   * inside the worker, where their timeout runs (20 let a thousand starting workflows time out
   * on a loaded machine); fewer leave the rest queued at Temporal, where no timeout runs.
   */
  maxConcurrentWorkflowTaskExecutions: number;
  /** `WORKER_MAX_CONCURRENT_ACTIVITIES`: activities at once (default 50; a batch runs up to its parallelism of them). */
  maxConcurrentActivityTaskExecutions: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  maxCachedWorkflows: 500,
  maxConcurrentWorkflowTaskExecutions: 8,
  maxConcurrentActivityTaskExecutions: 50,
};

export function readWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const r = new EnvReader(env);
  const smtpUrl = r.optional('SMTP_URL');
  if (smtpUrl) r.url('SMTP_URL', ['smtp', 'smtps']);
  const config: WorkerConfig = {
    temporal: readTemporalConfig(r),
    taskQueue: r.string('TEMPORAL_TASK_QUEUE', PROCESS_TASK_QUEUE),
    mail: smtpUrl
      ? {
          smtpUrl,
          from: r.string('MAIL_FROM', 'GenQ <genq@localhost>'),
          programmeOfficeEmail: r.optional('PROGRAMME_OFFICE_EMAIL') ?? null,
        }
      : null,
    registerSearchAttributes: r.bool('TEMPORAL_REGISTER_SEARCH_ATTRIBUTES', true),
    nats: readNatsConfig(r),
    limits: {
      maxCachedWorkflows: r.int('WORKER_MAX_CACHED_WORKFLOWS', DEFAULT_WORKER_LIMITS.maxCachedWorkflows, { min: 0 }),
      maxConcurrentWorkflowTaskExecutions: r.int('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', DEFAULT_WORKER_LIMITS.maxConcurrentWorkflowTaskExecutions, { min: 2 }),
      maxConcurrentActivityTaskExecutions: r.int('WORKER_MAX_CONCURRENT_ACTIVITIES', DEFAULT_WORKER_LIMITS.maxConcurrentActivityTaskExecutions, { min: 1 }),
    },
    starterConcurrency: r.int('WORKER_STARTER_CONCURRENCY', STARTER_CONCURRENCY, { min: 1, max: 256 }),
    incidents: {
      everyMs: r.int('INCIDENT_SCAN_EVERY_MS', DEFAULT_SCAN_EVERY_MS, { min: 0 }),
      thresholds: {
        activityAttempts: r.int('INCIDENT_ACTIVITY_ATTEMPTS', DEFAULT_INCIDENT_THRESHOLDS.activityAttempts, { min: 1 }),
        activityAgeMs: r.int('INCIDENT_ACTIVITY_AGE_MS', DEFAULT_INCIDENT_THRESHOLDS.activityAgeMs, { min: 0 }),
        workflowTaskAttempts: r.int('INCIDENT_WORKFLOW_TASK_ATTEMPTS', DEFAULT_INCIDENT_THRESHOLDS.workflowTaskAttempts, { min: 1 }),
      },
      notifyAfterMs: r.int('INCIDENT_NOTIFY_AFTER_MS', DEFAULT_NOTIFY_AFTER_MS, { min: 0 }),
      concurrency: r.int('INCIDENT_SCAN_CONCURRENCY', 4, { min: 1, max: 64 }),
      closedWithinMs: r.int('INCIDENT_CLOSED_WITHIN_MS', DEFAULT_CLOSED_WITHIN_MS, { min: 0 }),
    },
    workflowsPath: r.optional('WORKER_WORKFLOWS_PATH') ?? require.resolve('@genq/workflows'),
  };
  r.done();
  return config;
}
