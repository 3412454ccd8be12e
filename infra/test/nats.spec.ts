import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureNatsServer, freePort, startNatsCluster, startNatsServer, waitForHttp, type NatsServer } from '@genq/infra';

// The first run on a machine may build nats-server from the Go module proxy (under a minute
// on two cores); later runs reuse the cached binary.
jest.setTimeout(10 * 60_000);

const run = promisify(execFile);

/**
 * Just enough of the NATS client protocol (text lines over TCP) to use JetStream's request
 * API, so this test needs no client package: INFO, CONNECT, SUB, PUB with a reply subject, MSG.
 */
interface Wire {
  info: { jetstream?: boolean; server_name?: string; [key: string]: unknown };
  request(subject: string, body?: unknown): Promise<any>;
  close(): void;
}

function openWire(port: number): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const waiting = new Map<string, { resolve: (payload: string) => void; reject: (err: Error) => void }>();
    let buffered = Buffer.alloc(0);
    let nextInbox = 0;
    let opened = false;
    const fail = (err: Error) => {
      if (!opened) reject(err);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const eol = buffered.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffered.subarray(0, eol).toString('utf8');
        if (line.startsWith('MSG ')) {
          // MSG <subject> <sid> [reply-to] <#bytes>
          const parts = line.split(' ');
          const size = Number(parts[parts.length - 1]);
          if (buffered.length < eol + 2 + size + 2) return;
          const payload = buffered.subarray(eol + 2, eol + 2 + size).toString('utf8');
          buffered = buffered.subarray(eol + 2 + size + 2);
          const w = waiting.get(parts[1]!);
          waiting.delete(parts[1]!);
          w?.resolve(payload);
          continue;
        }
        buffered = buffered.subarray(eol + 2);
        if (line === 'PING') socket.write('PONG\r\n');
        else if (line.startsWith('-ERR')) fail(new Error(`server said ${line}`));
        else if (line.startsWith('INFO ') && !opened) {
          opened = true;
          socket.write('CONNECT {"verbose":false,"pedantic":false,"lang":"genq-spec","version":"0","protocol":1}\r\nSUB _INBOX.genq.* 1\r\n');
          resolve({
            info: JSON.parse(line.slice(5)),
            request(subject, body) {
              const inbox = `_INBOX.genq.${nextInbox++}`;
              const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
              return new Promise((res, rej) => {
                const timer = setTimeout(() => {
                  waiting.delete(inbox);
                  rej(new Error(`no reply to ${subject} within 5 s`));
                }, 5000);
                waiting.set(inbox, {
                  resolve: (text) => {
                    clearTimeout(timer);
                    res(JSON.parse(text));
                  },
                  reject: (err) => {
                    clearTimeout(timer);
                    rej(err);
                  },
                });
                socket.write(`PUB ${subject} ${inbox} ${Buffer.byteLength(payload)}\r\n${payload}\r\n`);
              });
            },
            close: () => socket.destroy(),
          });
        }
      }
    });
  });
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return res.json();
}

/** Bytes of the stream's message blocks on disk (JetStream acknowledges before its flusher writes them). */
function blockBytes(storeDir: string, stream: string): number {
  const dir = join(storeDir, 'jetstream', '$G', 'streams', stream, 'msgs');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.blk'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  } catch {
    return 0;
  }
}

describe('NATS server with JetStream', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'genq-nats-spec-'));
  const storeDir = join(workDir, 'nested', 'nats');
  let bin: string;
  let server: NatsServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('provides a nats-server binary', async () => {
    bin = await ensureNatsServer({ log: () => {} });
    const { stdout } = await run(bin, ['--version']);
    expect(stdout).toMatch(/nats-server: v2\./);
  });

  it('starts on free ports with JetStream storing in the given directory', async () => {
    const port = await freePort();
    server = await startNatsServer({ bin, port, storeDir, logFile: join(workDir, 'nats.log'), log: () => {} });
    expect(server.url).toBe(`nats://127.0.0.1:${port}`);

    const jsz = await getJson(`${server.monitorUrl}/jsz`);
    expect(jsz.disabled).toBeFalsy();
    expect(jsz.config.store_dir).toBe(join(storeDir, 'jetstream'));
    // Flushed before acknowledged (infra/nats/nats.conf): an acknowledged event survives a kill -9.
    expect(jsz.config.sync_always).toBe(true);

    const wire = await openWire(port);
    try {
      expect(wire.info).toMatchObject({ jetstream: true, server_name: server.serverName });
      const created = await wire.request('$JS.API.STREAM.CREATE.GENQ_SPEC', {
        name: 'GENQ_SPEC',
        subjects: ['genq.spec.>'],
        storage: 'file',
        num_replicas: 1,
      });
      expect(created.error).toBeUndefined();
      expect(created.config).toMatchObject({ name: 'GENQ_SPEC', storage: 'file' });
      const ack = await wire.request('genq.spec.quarter-created', { quarterId: 'q-1' });
      expect(ack).toMatchObject({ stream: 'GENQ_SPEC', seq: 1 });
    } finally {
      wire.close();
    }
  });

  it('keeps acknowledged messages across a SIGKILL and a restart on the same store dir', async () => {
    const before = server!;
    // A kill of the process (not the machine) loses nothing the kernel has; wait until the
    // flusher has handed the message to it, as it does within milliseconds.
    const until = Date.now() + 5000;
    while (blockBytes(storeDir, 'GENQ_SPEC') === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(blockBytes(storeDir, 'GENQ_SPEC')).toBeGreaterThan(0);

    await before.kill();
    expect(before.process.signalCode).toBe('SIGKILL');
    await expect(openWire(before.port)).rejects.toThrow(/ECONNREFUSED/);

    server = await before.restart();
    expect(server.url).toBe(before.url);
    expect(server.monitorUrl).toBe(before.monitorUrl);
    expect(server.process.pid).not.toBe(before.process.pid);

    const jsz = await getJson(`${server.monitorUrl}/jsz`);
    expect(jsz).toMatchObject({ streams: 1, messages: 1 });
    const wire = await openWire(server.port);
    try {
      const got = await wire.request('$JS.API.STREAM.MSG.GET.GENQ_SPEC', { seq: 1 });
      expect(got.message.subject).toBe('genq.spec.quarter-created');
      expect(JSON.parse(Buffer.from(got.message.data, 'base64').toString('utf8'))).toEqual({ quarterId: 'q-1' });
    } finally {
      wire.close();
    }
  });

  it('stops the server cleanly', async () => {
    const child = server!.process;
    await server!.stop();
    expect(child.exitCode).toBe(0);
    await expect(openWire(server!.port)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('NATS cluster on loopback', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'genq-nats-cluster-spec-'));
  const nodes: NatsServer[] = [];

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    rmSync(workDir, { recursive: true, force: true });
  });

  it('forms a three-node JetStream cluster that keeps a replicated stream', async () => {
    const bin = await ensureNatsServer({ log: () => {} });
    const clusterPorts = [await freePort(), await freePort(), await freePort()];
    for (const [i, clusterPort] of clusterPorts.entries()) {
      nodes.push(
        await startNatsServer({
          bin,
          storeDir: join(workDir, `n${i}`),
          logFile: join(workDir, `n${i}.log`),
          serverName: `genq-spec-n${i}`,
          clusterName: 'genq-spec',
          clusterPort,
          routes: clusterPorts.filter((p) => p !== clusterPort).map((p) => `nats://127.0.0.1:${p}`),
          log: () => {},
        }),
      );
    }
    // Full health (not just JetStream enabled) needs the meta leader the three elect.
    await Promise.all(nodes.map((n) => waitForHttp(`${n.monitorUrl}/healthz`, { timeoutMs: 30_000, okStatuses: [200] })));

    const wire = await openWire(nodes[0]!.port);
    try {
      const created = await wire.request('$JS.API.STREAM.CREATE.GENQ_R3', { name: 'GENQ_R3', subjects: ['genq.r3.>'], num_replicas: 3 });
      expect(created.error).toBeUndefined();
      expect(created.cluster.replicas).toHaveLength(2);
      expect(await wire.request('genq.r3.one', 'hello')).toMatchObject({ stream: 'GENQ_R3', seq: 1 });
    } finally {
      wire.close();
    }
  });
});

describe('startNatsCluster (the production profile\'s NATS)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'genq-nats-startcluster-spec-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  /** Publishes until JetStream acknowledges (after a node's death the stream may elect a new leader first). */
  const publish = async (wire: Wire, subject: string, body: string) => {
    const until = Date.now() + 30_000;
    for (;;) {
      const ack = await wire.request(subject, body).catch((err: Error) => ({ error: err.message }));
      if (!ack.error) return ack;
      if (Date.now() > until) throw new Error(`no acknowledgement for ${subject}: ${JSON.stringify(ack.error)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('starts three healthy nodes whose three-replica stream keeps every acknowledged message through a SIGKILL of one node', async () => {
    const cluster = await startNatsCluster({ storeDir: workDir, log: () => {} });
    try {
      expect(cluster.url.split(',')).toEqual(cluster.nodes.map((n) => n.url));
      expect(cluster.nodes.map((n) => n.serverName)).toEqual(['genq-nats-1', 'genq-nats-2', 'genq-nats-3']);
      const second = await openWire(cluster.nodes[1]!.port);
      try {
        expect((await second.request('$JS.API.STREAM.CREATE.GENQ_C3', { name: 'GENQ_C3', subjects: ['genq.c3.>'], num_replicas: 3 })).error).toBeUndefined();
        await publish(second, 'genq.c3.one', 'before');
        await cluster.kill(0);
        // Two of three nodes are a quorum: the stream still acknowledges.
        await publish(second, 'genq.c3.two', 'while one node is dead');
      } finally {
        second.close();
      }
      await cluster.restart(0);
      const first = await openWire(cluster.nodes[0]!.port);
      try {
        const info = await first.request('$JS.API.STREAM.INFO.GENQ_C3');
        expect(info.state.messages).toBe(2);
      } finally {
        first.close();
      }
    } finally {
      await cluster.stop();
    }
  });
});
