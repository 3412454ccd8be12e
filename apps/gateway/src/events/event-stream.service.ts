import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { DEAD_LETTER_STREAM, EVENTS_STREAM, type DeadLetter } from '@genq/contracts';
import type { EventStreamStatus } from '../openapi/response-types';
import { connectNats, listDeadLetters, problem, type NatsConfig } from '@genq/service-kit';

export const GATEWAY_NATS_CONFIG = 'GATEWAY_NATS_CONFIG';

export type { EventStreamStatus };

/**
 * Reads the event streams for operators: the consumers' backlog and the dead letters. It
 * publishes nothing and holds no rule; the connection is made on first use, so the gateway
 * starts (and answers everything else) while NATS is away.
 */
@Injectable()
export class EventStreamService implements OnApplicationShutdown {
  private readonly logger = new Logger(EventStreamService.name);
  private connecting: Promise<NatsConnection | null> | null = null;
  private closed = false;

  constructor(@Inject(GATEWAY_NATS_CONFIG) private readonly config: NatsConfig) {}

  private async connection(): Promise<NatsConnection> {
    this.connecting ??= connectNats(this.config, 'genq-gateway', { cancelled: () => this.closed });
    const nc = await Promise.race([this.connecting, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    if (!nc || nc.isClosed()) {
      this.logger.warn(`NATS at ${this.config.url} is not reachable`);
      throw problem('service.unavailable');
    }
    return nc;
  }

  async deadLetters(limit = 500): Promise<Array<DeadLetter & { seq: number }>> {
    return listDeadLetters(await this.connection(), limit);
  }

  async status(): Promise<EventStreamStatus> {
    const jsm = await (await this.connection()).jetstreamManager();
    const status: EventStreamStatus = { streams: [], consumers: [], deadLetters: 0 };
    for (const name of [EVENTS_STREAM, DEAD_LETTER_STREAM]) {
      const info = await jsm.streams.info(name).catch(() => null);
      if (!info) continue;
      status.streams.push({ name, messages: info.state.messages, lastAt: info.state.messages > 0 ? info.state.last_ts : null });
      if (name === DEAD_LETTER_STREAM) status.deadLetters = info.state.messages;
    }
    for await (const c of jsm.consumers.list(EVENTS_STREAM)) {
      status.consumers.push({ name: c.name, pending: c.num_pending, ackPending: c.num_ack_pending, redelivered: c.num_redelivered });
    }
    return status;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const nc = await Promise.race([this.connecting ?? Promise.resolve(null), Promise.resolve(null)]);
    await nc?.close();
  }
}
