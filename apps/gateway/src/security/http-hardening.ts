import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, raw, text } from 'body-parser';
import helmet from 'helmet';
import type { GatewayConfig } from '../config';
import { requestContextMiddleware, requestIdMiddleware } from '../auth/request-context';
import { bodyParserErrors, unreadBodies } from './body-errors';
import { verifyJsonLimits } from './json-limits';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Routes that read a file larger than BODY_LIMIT (up to IMPORT_BODY_LIMIT). */
const IMPORT_PATHS = ['/api/quarters/import'];

/**
 * Express-level defences, mounted in this order before any route:
 * CORS allow-list (preflights end here), request id, security headers, a JSON body parser
 * with a size, depth and member limit whose errors answer as JSON without internals, a refusal
 * of bodies no parser read, and the request context.
 * The application must be created with `bodyParser: false`, so this parser is the only one.
 */
export function applyHttpHardening(app: NestExpressApplication, config: GatewayConfig): void {
  app.set('trust proxy', config.security.trustProxy);
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Accept-Language'],
    // Error messages are said in the language the request asks for.
    exposedHeaders: ['Content-Range', 'Content-Disposition', 'X-Request-Id', 'Retry-After', 'Content-Language'],
    // Bearer tokens, no cookies: the browser sends no credentials on its own.
    credentials: false,
    maxAge: 600,
  });
  app.use(requestIdMiddleware);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"] } } }));
  // Bulk admission of quarters (issue 16): a file of a whole programme is larger than any other
  // request, so that one route reads bodies up to its own limit; every other keeps BODY_LIMIT.
  for (const path of IMPORT_PATHS) {
    app.use(path, json({ limit: config.security.importBodyLimit, verify: verifyJsonLimits }));
    app.use(path, text({ type: ['text/csv'], limit: config.security.importBodyLimit }));
    app.use(path, raw({ type: [XLSX], limit: config.security.importBodyLimit }));
  }
  app.useBodyParser('json', { limit: config.security.bodyLimit, verify: verifyJsonLimits });
  // Spreadsheet imports may be posted as the CSV or Excel file itself (issue 4).
  app.useBodyParser('text', { type: ['text/csv'], limit: config.security.bodyLimit });
  app.useBodyParser('raw', { type: [XLSX], limit: config.security.bodyLimit });
  app.use(bodyParserErrors);
  app.use(unreadBodies);
  app.use(requestContextMiddleware);
}
