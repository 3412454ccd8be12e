import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { httpValidationPipe } from '@genq/service-kit';
import { GatewayModule } from './app.module';
import type { GatewayConfig } from './config';

/** Builds the gateway application: `/api` prefix, validation, CORS for the console, OpenAPI. */
export async function createGateway(config: GatewayConfig): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(httpValidationPipe());
  app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['Content-Range'], credentials: true });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GenQ API')
      .setDescription('Generationengerechtes Wohnen im Quartier: quarters, programmes and their process')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
