'use strict';
/** Free ports and readiness waits for servers that tests and the start script launch. */
const net = require('node:net');
const { sleep } = require('./exec.cjs');

/**
 * A TCP port on 127.0.0.1 that was free a moment ago. The OS picks it, so parallel test
 * runs do not collide on fixed ports; another process may still take it before use.
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
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
