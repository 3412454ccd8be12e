import { EnvReader, readNatsConfig, readTemporalConfig, type NatsConfig, type TemporalConfig } from '@genq/service-kit';
import { PROCESS_TASK_QUEUE } from '@genq/contracts';
import { DEFAULT_INCIDENT_THRESHOLDS } from './incidents/observe';
import { DEFAULT_NOTIFY_AFTER_MS, DEFAULT_SCAN_EVERY_MS, type IncidentScannerConfig } from './incidents/scanner';

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
  /** The incident scanner (issue 18); `INCIDENT_SCAN_EVERY_MS=0` turns it off. */
  incidents: IncidentScannerConfig;
}

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
    incidents: {
      everyMs: r.int('INCIDENT_SCAN_EVERY_MS', DEFAULT_SCAN_EVERY_MS, { min: 0 }),
      thresholds: {
        activityAttempts: r.int('INCIDENT_ACTIVITY_ATTEMPTS', DEFAULT_INCIDENT_THRESHOLDS.activityAttempts, { min: 1 }),
        activityAgeMs: r.int('INCIDENT_ACTIVITY_AGE_MS', DEFAULT_INCIDENT_THRESHOLDS.activityAgeMs, { min: 0 }),
        workflowTaskAttempts: r.int('INCIDENT_WORKFLOW_TASK_ATTEMPTS', DEFAULT_INCIDENT_THRESHOLDS.workflowTaskAttempts, { min: 1 }),
      },
      notifyAfterMs: r.int('INCIDENT_NOTIFY_AFTER_MS', DEFAULT_NOTIFY_AFTER_MS, { min: 0 }),
      concurrency: r.int('INCIDENT_SCAN_CONCURRENCY', 4, { min: 1, max: 64 }),
    },
  };
  r.done();
  return config;
}
