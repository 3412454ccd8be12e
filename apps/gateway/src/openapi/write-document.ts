import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import { createGateway } from '../bootstrap';
import { readGatewayConfig } from '../config';
import { buildOpenApiDocument } from './document';

/** A port nothing listens on: the document needs the routes, not NATS or Temporal. */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The OpenAPI document as /api/docs-json serves it, built in-process without any service behind the gateway. */
export async function openApiDocumentText(): Promise<string> {
  Logger.overrideLogger(false);
  const closed = String(await closedPort());
  const app = await createGateway(
    readGatewayConfig({
      AUTH_JWT_SECRET: 'openapi-document-only-0123456789abcdef',
      NATS_URL: `nats://127.0.0.1:${closed}`,
      TEMPORAL_ADDRESS: `127.0.0.1:${closed}`,
    }),
  );
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

/** `node dist/openapi/write-document.js openapi.json`: the build writes the document the console's types are generated from. */
if (require.main === module) {
  const out = process.argv[2] ?? 'openapi.json';
  openApiDocumentText().then(
    (text) => {
      writeFileSync(out, text);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
