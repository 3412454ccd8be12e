import { connect, nanos, RetentionPolicy, StorageType, type NatsConnection, type StreamConfig } from 'nats';
import { DEAD_LETTER_STREAM, DEAD_LETTER_SUBJECT_PREFIX, EVENTS_STREAM, EVENTS_SUBJECT_PREFIX } from '@genq/contracts';

export interface NatsConfig {
  /** `NATS_URL`: one URL, or several separated by commas (the nodes of a cluster). */
  url: string;
  /** `NATS_STREAM_REPLICAS`: 1 on one server, 3 on a three-node cluster. */
  streamReplicas: number;
}

/**
 * Connects to NATS and keeps reconnecting forever: an outage of the server delays events,
 * it never ends the process. The first connection is tried again every `retryMs` until it
 * succeeds or `cancelled()` says to give up (then it resolves to null), so a process that
 * stops while NATS is away stops at once.
 */
export async function connectNats(config: NatsConfig, name: string, options: { cancelled?: () => boolean; retryMs?: number } = {}): Promise<NatsConnection | null> {
  const cancelled = options.cancelled ?? (() => false);
  const retryMs = options.retryMs ?? 500;
  const servers = config.url.split(',').map((s) => s.trim()).filter(Boolean);
  for (;;) {
    if (cancelled()) return null;
    try {
      const nc = await connect({ servers, name, reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
      if (!cancelled()) return nc;
      await nc.close();
      return null;
    } catch (err) {
      if (cancelled()) return null;
      if (!/CONNECTION_REFUSED|ECONNREFUSED|TIMEOUT|ENOTFOUND|EAI_AGAIN/i.test(`${(err as { code?: string }).code ?? ''} ${(err as Error).message}`)) throw err;
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
}

/** How long JetStream remembers a message id to drop a re-published duplicate. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

function streamConfigs(replicas: number): Array<Partial<StreamConfig> & { name: string; subjects: string[] }> {
  return [
    {
      name: EVENTS_STREAM,
      subjects: [`${EVENTS_SUBJECT_PREFIX}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: replicas,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      // A year of events: consumers that were down for long catch up; the outbox keeps its own copy.
      max_age: nanos(365 * 24 * 3600_000),
    },
    {
      name: DEAD_LETTER_STREAM,
      subjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: replicas,
    },
  ];
}

/** Creates the event and dead-letter streams, or brings their settings up to date; safe to call from every process. */
export async function ensureEventStreams(nc: NatsConnection, replicas = 1): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const config of streamConfigs(replicas)) {
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (err) {
      if (!/stream not found/i.test(String((err as Error).message))) throw err;
      try {
        await jsm.streams.add(config);
      } catch (addErr) {
        // Another process created it in between: fine.
        if (!/already in use|exists/i.test(String((addErr as Error).message))) throw addErr;
      }
    }
  }
}

/**
 * Connects (see {@link connectNats}) and makes sure the event streams exist, waiting while
 * JetStream elects its leader right after a restart. Resolves to null when cancelled first.
 */
export async function openEventStream(config: NatsConfig, name: string, cancelled: () => boolean): Promise<NatsConnection | null> {
  const nc = await connectNats(config, name, { cancelled });
  if (!nc) return null;
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureEventStreams(nc, config.streamReplicas);
      return nc;
    } catch (err) {
      if (cancelled() || attempt >= 60) {
        await nc.close();
        if (cancelled()) return null;
        throw err;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
