import './telemetry';
import 'reflect-metadata';
import type { Server as HttpServer } from 'node:http';
import type { Connection } from '@temporalio/client';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE } from '@genq/contracts';
import { appLogger, ConfigError, initMetrics, natsClientProbe, ReadinessChecks, registerLogContext, registerReadinessProbe, rootLogger, startManagement } from '@genq/service-kit';
import { createGateway } from './bootstrap';
import { readGatewayConfig } from './config';
import { currentRequest } from './auth/request-context';
import { TEMPORAL_CONNECTION } from './tokens';

/** How long an idle HTTP connection stays open: longer than a proxy's idle timeout (commonly 60 s). */
const HTTP_KEEP_ALIVE_MS = 65_000;

async function main(): Promise<void> {
  const config = readGatewayConfig();
  rootLogger('gateway');
  initMetrics('gateway');
  // Log lines of a request carry its id, the quarter and programme its policy checked, and who asked (by id).
  registerLogContext(() => {
    const ctx = currentRequest();
    return ctx ? { requestId: ctx.requestId, quarterId: ctx.quarterId, programmeId: ctx.programmeId, userId: ctx.principal?.id, role: ctx.principal?.role } : undefined;
  });
  const management = await startManagement('gateway');
  const app = await createGateway(config);
  const temporal = app.get<Connection>(TEMPORAL_CONNECTION);
  registerReadinessProbe('nats', natsClientProbe(app.get<ClientProxy>(ACTORS_SERVICE)));
  registerReadinessProbe('temporal', async () => {
    await temporal.withDeadline(Date.now() + 3000, () => temporal.workflowService.getSystemInfo({}));
  });
  await app.listen(config.port, config.host);
  // An idle keep-alive connection stays open longer than clients and proxies keep theirs (Node
  // closes after 5 s): a client that reuses a connection at the moment the gateway closes it
  // gets "other side closed" for a request the gateway never saw. Proxies idle out at 60 s.
  const server = app.getHttpServer() as HttpServer;
  server.keepAliveTimeout = HTTP_KEEP_ALIVE_MS;
  server.headersTimeout = HTTP_KEEP_ALIVE_MS + 1000;
  const checks = app.get(ReadinessChecks, { strict: false });
  management.setReadiness(() => checks.check());
  appLogger('gateway').info(`gateway listening on http://${config.host}:${config.port}/api`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
