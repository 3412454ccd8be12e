import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsServer } from '@genq/infra';
import type { RpcErrorPayload } from '@genq/contracts';
import type { ServiceConfig } from './config';
import type { NatsConfig } from './events/nats';
import { ServiceError, natsClient, request } from './rpc-client';
import { startMicroservice } from './service';

/**
 * One real nats-server per test file (a module instance under jest), shared by every service
 * it starts while any of them runs: replicas started side by side meet in their queue group.
 * Stopped when the last one closes. Not shared across files, so parallel test files never
 * answer each other's requests.
 */
let testNats: { server: Promise<NatsServer>; users: number; dir: string } | undefined;

async function acquireTestNats(): Promise<{ config: NatsConfig; monitorUrl: string; release(): Promise<void> }> {
  if (!testNats) {
    const dir = mkdtempSync(join(tmpdir(), 'genq-rpc-nats-'));
    // Required lazily: @genq/infra is a development dependency, only tests get here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startNatsServer } = require('@genq/infra') as typeof import('@genq/infra');
    testNats = { server: startNatsServer({ storeDir: join(dir, 'store'), logFile: join(dir, 'nats.log'), log: () => undefined }), users: 0, dir };
    testNats.server.catch(() => (testNats = undefined));
  }
  const held = testNats;
  held.users++;
  let server: NatsServer;
  try {
    server = await held.server;
  } catch (err) {
    held.users--;
    throw err;
  }
  let released = false;
  return {
    config: { url: server.url, streamReplicas: 1 },
    monitorUrl: server.monitorUrl,
    async release() {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      if (testNats === held) testNats = undefined;
      await server.stop();
      rmSync(held.dir, { recursive: true, force: true });
    },
  };
}

export interface ServiceUnderTest {
  app: INestMicroservice;
  /** The NATS the service takes requests from, for a gateway or worker under test to call it. */
  nats: NatsConfig;
  send<T>(pattern: string, payload: unknown): Promise<T>;
  /** Sends and expects a typed refusal; returns its payload. */
  refusal(pattern: string, payload: unknown): Promise<RpcErrorPayload>;
  /** SQL that the schema builder would still run: empty when migrations match the entities. */
  schemaDrift(): Promise<string[]>;
  /** Requests this replica has received so far (its NATS connection's incoming messages). */
  requestsReceived(): number;
  /**
   * Cuts the replica's NATS connection as a crash would (no goodbye, no draining) and waits
   * until the NATS server has dropped it. A request sent in between is routed to the dead
   * connection and lost, as in production (the caller answers 503 and the client retries);
   * a test of what happens *after* a crash starts once the server knows.
   */
  crash(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a service as it runs in production (NATS transport in its queue group, its pipes
 * and filters, migrations on its own database) on a real nats-server, and talks to it over a
 * real NATS client. Its domain events stay in the outbox unless `config.nats` says otherwise.
 */
export async function startServiceForTest<C extends ServiceConfig>(
  name: string,
  moduleFor: (config: C) => DynamicModule,
  config: C,
): Promise<ServiceUnderTest> {
  const nats = await acquireTestNats();
  let app: INestMicroservice;
  try {
    // A short grace period: specs close services after their requests were answered.
    app = await startMicroservice(name, moduleFor(config), nats.config, { gracePeriodMs: 200 });
  } catch (err) {
    await nats.release();
    throw err;
  }
  const client = natsClient(nats.config, `genq-test-${name}`);
  const send = <T>(pattern: string, payload: unknown) => request<T>(client, name, pattern, payload);
  return {
    app,
    nats: nats.config,
    send,
    async refusal(pattern, payload) {
      try {
        await send(pattern, payload);
      } catch (e) {
        if (e instanceof ServiceError) return e.payload;
        throw e;
      }
      throw new Error(`expected ${name} to refuse ${pattern}`);
    },
    async schemaDrift() {
      const log = await app.get(DataSource).driver.createSchemaBuilder().log();
      return log.upQueries.map((q) => q.query);
    },
    requestsReceived() {
      return app.unwrap<{ stats(): { inMsgs: number } }>().stats().inMsgs;
    },
    async crash() {
      const connection = app.unwrap<{ info?: { client_id?: number }; close(): Promise<void> }>();
      const cid = connection.info?.client_id;
      await connection.close();
      if (cid === undefined) throw new Error('the NATS connection did not say its client id');
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
        const open = (await (await fetch(`${nats.monitorUrl}/connz?cid=${cid}`)).json()) as { connections?: unknown[] };
        if (!open.connections?.length) return;
      }
      throw new Error(`the NATS server still lists connection ${cid} 10 s after it was cut`);
    },
    async close() {
      await client.close();
      await app.close();
      await nats.release();
    },
  };
}
