'use strict';
/** Free ports and readiness waits for servers that tests and the start script launch. */
const fs = require('node:fs');
const net = require('node:net');
const { sleep } = require('./exec.cjs');

/**
 * The kernel's range for the local ports of outgoing connections. A port handed out from it
 * (listen(0) does) can be taken by any client socket of a parallel test run before the
 * server that was meant to bind it starts: that made `nats-server` fail with "address
 * already in use" in CI. Ports are therefore chosen below this range.
 */
function ephemeralRange() {
  try {
    const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return { low, high };
  } catch {
    // not Linux: fall through to the IANA dynamic range
  }
  return { low: 49152, high: 65535 };
}

const LOWEST_PORT = 20_000;

function tryListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const bound = server.address().port;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, chosen at random outside the range of
 * outgoing connections' ports, so parallel test runs do not collide on fixed ports and no
 * client socket takes it before use. Another process may still bind it first; it is unlikely.
 */
async function freePort() {
  const { low } = ephemeralRange();
  const top = Math.max(LOWEST_PORT + 1000, low);
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = LOWEST_PORT + Math.floor(Math.random() * (top - LOWEST_PORT));
    const port = await tryListen(candidate);
    if (port) return port;
  }
  const port = await tryListen(0);
  if (!port) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves once something accepts TCP connections on host:port; rejects after timeoutMs. */
async function waitForPort(host, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(host, port))) {
    if (Date.now() > deadline) throw new Error(`Nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`);
    await sleep(200);
  }
}

/**
 * Resolves once `url` answers with one of `okStatuses` (default: any 2xx or 3xx); rejects
 * after timeoutMs with the last status or connection error seen.
 */
async function waitForHttp(url, { timeoutMs, okStatuses } = {}) {
  const isOk = (status) => (okStatuses ? okStatuses.includes(status) : status >= 200 && status < 400);
  const limitMs = timeoutMs ?? 30_000;
  const deadline = Date.now() + limitMs;
  let last = 'no attempt';
  for (;;) {
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (isOk(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready within ${limitMs} ms (last: ${last})`);
    await sleep(250);
  }
}

module.exports = { freePort, waitForPort, waitForHttp };
