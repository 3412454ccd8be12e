import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import { ensureNatsServer, startNatsServer, type NatsServer } from '@genq/infra';
import { DEAD_LETTER_STREAM, EVENTS_STREAM, type DeadLetter, type DomainEvent } from '@genq/contracts';
import { dataSourceOptions } from '../database';
import { EventConsumer, PoisonEventError, inboxHandler, listDeadLetters } from './consumer';
import { OutboxEventRow, ProcessedEventRow, eventEntities } from './entities';
import { EventOutbox1766000000000 } from './migration';
import { OutboxTraceContext1766900000000 } from './migration-trace';
import { connectNats, ensureEventStreams } from './nats';
import { recordEvents } from './outbox';
import { OutboxRelay } from './relay';

jest.setTimeout(60_000);

const Q = '00000000-0000-4000-8000-000000000001';

async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbox, relay and idempotent consumer on a real NATS JetStream', () => {
  let dir: string;
  let server: NatsServer;
  let bin: string;
  let nc: NatsConnection;
  let db: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genq-events-'));
    bin = await ensureNatsServer({ log: () => undefined });
    server = await startNatsServer({ bin, storeDir: join(dir, 'nats'), logFile: join(dir, 'nats.log'), log: () => undefined });
    nc = (await connectNats({ url: server.url, streamReplicas: 1 }, 'events-spec'))!;
    await ensureEventStreams(nc);
  });

  beforeEach(async () => {
    db = new DataSource({ ...dataSourceOptions({ type: 'sqlite', path: ':memory:' }, eventEntities, [EventOutbox1766000000000, OutboxTraceContext1766900000000]) });
    await db.initialize();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.purge(EVENTS_STREAM);
    await jsm.streams.purge(DEAD_LETTER_STREAM);
  });

  afterEach(async () => {
    await db.destroy();
  });

  afterAll(async () => {
    await nc?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const streamCount = async () => (await (await nc.jetstreamManager()).streams.info(EVENTS_STREAM)).state.messages;

  it('records events only with a committed change, and publishes them once, in order, under their subjects', async () => {
    await db.transaction(async (em) => {
      await recordEvents(em, 'agreements', [
        { id: 'e1', type: 'agreement.bound', quarterId: Q, payload: { versionId: 'v1' } },
        { id: 'e2', type: 'report.submitted', quarterId: Q, payload: { reportId: 'r1', year: 1 } },
      ]);
    });
    await expect(
      db.transaction(async (em) => {
        await recordEvents(em, 'agreements', [{ id: 'rolled-back', type: 'report.returned', quarterId: Q, payload: { reportId: 'r1', year: 1 } }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await db.getRepository(OutboxEventRow).find({ order: { seq: 'ASC' } })).map((r) => r.id)).toEqual(['e1', 'e2']);

    const relay = new OutboxRelay(db, nc);
    expect(await relay.publishPending()).toBe(2);
    expect(await relay.publishPending()).toBe(0);
    expect(await streamCount()).toBe(2);
    const jsm = await nc.jetstreamManager();
    const first = await jsm.streams.getMessage(EVENTS_STREAM, { seq: (await jsm.streams.info(EVENTS_STREAM)).state.first_seq });
    expect(first.subject).toBe('genq.events.agreements.agreement.bound');
    expect(JSON.parse(new TextDecoder().decode(first.data))).toMatchObject({ id: 'e1', type: 'agreement.bound', version: 1, source: 'agreements', quarterId: Q, payload: { versionId: 'v1' } });

    // A relay that crashed after publishing but before marking publishes again: the stream drops the copies.
    await db.getRepository(OutboxEventRow).createQueryBuilder().update().set({ publishedAt: null }).execute();
    expect(await relay.publishPending()).toBe(2);
    expect(await streamCount()).toBe(2);

    // Published events leave the outbox after a week; unpublished ones never do.
    await db.transaction((em) => recordEvents(em, 'agreements', [{ id: 'e3', type: 'agreement.bound', quarterId: Q, payload: { versionId: 'v3' } }]));
    expect(await relay.prunePublished(new Date(Date.now() + 8 * 24 * 3600_000))).toBe(2);
    expect((await db.getRepository(OutboxEventRow).find()).map((r) => r.id)).toEqual(['e3']);
  });

  it('keeps events in the outbox while NATS is down and publishes them in order once it is back', async () => {
    const relay = new OutboxRelay(db, nc, { pollMs: 50, maxBackoffMs: 200 });
    relay.start();
    try {
      await server.kill();
      await db.transaction((em) => recordEvents(em, 'agreements', [{ id: 'during-outage-1', type: 'agreement.bound', quarterId: Q, payload: { versionId: 'v1' } }]));
      await db.transaction((em) => recordEvents(em, 'agreements', [{ id: 'during-outage-2', type: 'agreement.bound', quarterId: Q, payload: { versionId: 'v2' } }]));
      await until(async () => (await db.getRepository(OutboxEventRow).findOneBy({ id: 'during-outage-1' }))!.attempts > 0, 'a failed attempt');
      expect(await db.getRepository(OutboxEventRow).countBy({ publishedAt: null as never })).toBeGreaterThanOrEqual(1);
      server = await startNatsServer({ bin, port: server.port, storeDir: join(dir, 'nats'), logFile: join(dir, 'nats.log'), log: () => undefined });
      await until(async () => (await db.getRepository(OutboxEventRow).createQueryBuilder('e').where('e.publishedAt IS NULL').getCount()) === 0, 'the outbox to drain', 30_000);
      const jsm = await nc.jetstreamManager();
      const info = await jsm.streams.info(EVENTS_STREAM);
      const ids: string[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        ids.push((JSON.parse(new TextDecoder().decode((await jsm.streams.getMessage(EVENTS_STREAM, { seq })).data)) as DomainEvent).id);
      }
      expect(ids).toEqual(['during-outage-1', 'during-outage-2']);
    } finally {
      await relay.stop();
    }
  });

  it('applies each event once even when delivered twice or out of order, and acknowledges after its own commit', async () => {
    const applied: string[] = [];
    const durable = `spec-inbox-${Date.now()}`;
    const consumer = new EventConsumer(nc, {
      durable,
      subjects: ['genq.events.agreements.>'],
      handle: inboxHandler(db, durable, async (_em, event) => {
        applied.push(event.id);
      }),
    });
    await consumer.start();
    try {
      const js = nc.jetstream();
      const ev = (id: string): DomainEvent => ({ id, type: 'agreement.bound', version: 1, source: 'agreements', quarterId: Q, occurredAt: new Date().toISOString(), payload: { versionId: id } });
      // Published without message ids, so the stream keeps the duplicate and only the inbox can drop it.
      for (const id of ['b', 'a', 'b', 'c', 'a']) await js.publish('genq.events.agreements.agreement.bound', JSON.stringify(ev(id)));
      await until(async () => (await db.getRepository(ProcessedEventRow).countBy({ consumer: durable })) === 3 && applied.length === 3, 'three applied events');
      await new Promise((r) => setTimeout(r, 300));
      expect(applied).toEqual(['b', 'a', 'c']);
      const info = await (await nc.jetstreamManager()).consumers.info(EVENTS_STREAM, durable);
      await until(async () => (await (await nc.jetstreamManager()).consumers.info(EVENTS_STREAM, durable)).num_ack_pending === 0, 'every message acknowledged');
      expect(info.num_pending).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it('handles up to `concurrency` events at once when asked to, and acknowledges each', async () => {
    const durable = `spec-concurrent-${Date.now()}`;
    let running = 0;
    let most = 0;
    const handled: string[] = [];
    const consumer = new EventConsumer(nc, {
      durable,
      subjects: ['genq.events.agreements.>'],
      concurrency: 4,
      handle: async (event) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        handled.push(event.id);
      },
    });
    await consumer.start();
    try {
      const js = nc.jetstream();
      const ids = Array.from({ length: 12 }, (_, i) => `parallel-${i}`);
      for (const id of ids) {
        await js.publish('genq.events.agreements.agreement.bound', JSON.stringify({ id, type: 'agreement.bound', version: 1, source: 'agreements', quarterId: Q, occurredAt: new Date().toISOString(), payload: { versionId: id } }));
      }
      await until(async () => handled.length === 12, 'twelve handled events');
      expect([...handled].sort()).toEqual([...ids].sort());
      // Never more than asked for, and more than one at a time.
      expect(most).toBeLessThanOrEqual(4);
      expect(most).toBeGreaterThan(1);
      await until(async () => (await (await nc.jetstreamManager()).consumers.info(EVENTS_STREAM, durable)).num_ack_pending === 0, 'every message acknowledged');
    } finally {
      await consumer.stop();
    }
  });

  it('rolls the inbox entry back with a failed handler, retries, and sends a message that keeps failing to the dead letters without blocking the next', async () => {
    const applied: string[] = [];
    const attempts: Record<string, number> = {};
    const durable = `spec-poison-${Date.now()}`;
    const consumer = new EventConsumer(nc, {
      durable,
      subjects: ['genq.events.agreements.>'],
      maxDeliveries: 3,
      retryDelayMs: () => 50,
      handle: inboxHandler(db, durable, async (_em, event) => {
        attempts[event.id] = (attempts[event.id] ?? 0) + 1;
        if (event.id === 'flaky' && attempts[event.id]! < 2) throw new Error('database busy');
        if (event.id === 'poison') throw new Error('cannot apply this event');
        if (event.id === 'unknown-type') throw new PoisonEventError('unknown event type');
        applied.push(event.id);
      }),
    });
    await consumer.start();
    try {
      const js = nc.jetstream();
      const ev = (id: string) => JSON.stringify({ id, type: 'agreement.bound', version: 1, source: 'agreements', quarterId: Q, occurredAt: new Date().toISOString(), payload: { versionId: id } });
      await js.publish('genq.events.agreements.agreement.bound', ev('flaky'));
      await js.publish('genq.events.agreements.agreement.bound', ev('poison'));
      await js.publish('genq.events.agreements.agreement.bound', 'not json {');
      await js.publish('genq.events.agreements.agreement.bound', ev('unknown-type'));
      await js.publish('genq.events.agreements.agreement.bound', ev('after'));
      await until(async () => applied.includes('after'), 'the message behind the poison one');
      expect(applied).toEqual(['flaky', 'after']);
      expect(attempts).toMatchObject({ flaky: 2, poison: 3, 'unknown-type': 1 });
      // The failed attempts left no inbox entry behind.
      expect((await db.getRepository(ProcessedEventRow).findBy({ consumer: durable })).map((r) => r.eventId).sort()).toEqual(['after', 'flaky']);
      const letters = await until(async () => {
        const l = (await listDeadLetters(nc)).filter((d: DeadLetter) => d.consumer === durable);
        return l.length === 3 && l;
      }, 'three dead letters');
      expect(letters.map((l) => ('id' in l.event ? l.event.id : 'raw'))).toEqual(['poison', 'raw', 'unknown-type']);
      expect(letters[0]).toMatchObject({ subject: 'genq.events.agreements.agreement.bound', error: 'cannot apply this event', deliveries: 3 });
    } finally {
      await consumer.stop();
    }
  });
});
