import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createGateway } from './bootstrap';
import { readGatewayConfig } from './config';

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The gateway built in this process with nothing behind it: NATS and Temporal point at a
 * closed port, so any call to a service answers 503. For what needs the gateway's routes and
 * not its services: the OpenAPI document, the route catalogue, tests of its HTTP defences.
 */
export async function createDetachedGateway(env: Record<string, string> = {}): Promise<INestApplication> {
  const closed = String(await closedPort());
  return createGateway(
    readGatewayConfig({
      AUTH_JWT_SECRET: 'detached-gateway-only-0123456789abcdef',
      NATS_URL: `nats://127.0.0.1:${closed}`,
      TEMPORAL_ADDRESS: `127.0.0.1:${closed}`,
      ...env,
    }),
  );
}
