import { EnvReader, readNatsConfig, readTemporalConfig, type NatsConfig, type TemporalConfig } from '@genq/service-kit';
import { PROCESS_TASK_QUEUE } from '@genq/contracts';

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
  };
  r.done();
  return config;
}
