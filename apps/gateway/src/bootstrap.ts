import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { accessLogMiddleware, httpMetricsMiddleware, PinoNestLogger, validationPipe } from '@genq/service-kit';
import type { GatewayRequest } from './auth/request-context';
import { GatewayModule } from './app.module';
import type { GatewayConfig } from './config';
import { buildOpenApiDocument } from './openapi/document';
import { applyHttpHardening } from './security/http-hardening';
import { BodyRequiredPipe } from './security/body-required.pipe';

/** Every route lives under /api. */
export const GLOBAL_PREFIX = 'api';

/**
 * Builds the gateway application: the HTTP defences (CORS allow-list, security headers, body
 * limit, request ids), `/api` prefix, validation, OpenAPI. Access policies, rate limits and
 * the audit safety net are global providers of the SecurityModule and the AuditModule.
 */
export async function createGateway(config: GatewayConfig): Promise<INestApplication> {
  // bodyParser: false, so the size-limited parser of applyHttpHardening is the only one.
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { logger: new PinoNestLogger(), bodyParser: false });
  // Latency by route template, for every answer (refusals of the HTTP defences too).
  app.use(httpMetricsMiddleware);
  // One log entry per refused or failed answer, with the request id and who asked (by id).
  app.use(accessLogMiddleware<GatewayRequest>((req) => ({ requestId: req.requestId, userId: req.principal?.id, role: req.principal?.role })));
  applyHttpHardening(app, config);
  app.setGlobalPrefix(GLOBAL_PREFIX);
  // A route that reads a body is refused without one before validation looks at it.
  app.useGlobalPipes(new BodyRequiredPipe(), validationPipe());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
