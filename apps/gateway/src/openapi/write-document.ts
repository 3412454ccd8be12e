import { writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { createDetachedGateway } from '../detached';
import { buildOpenApiDocument } from './document';

/** The OpenAPI document as /api/docs-json serves it, built in-process without any service behind the gateway. */
export async function openApiDocumentText(): Promise<string> {
  Logger.overrideLogger(false);
  const app = await createDetachedGateway();
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
