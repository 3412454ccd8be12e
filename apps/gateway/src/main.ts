import './telemetry';
import 'reflect-metadata';
import type { Connection } from '@temporalio/client';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE } from '@genq/contracts';
import { appLogger, ConfigError, initMetrics, natsClientProbe, ReadinessChecks, registerLogContext, registerReadinessProbe, rootLogger, startManagement } from '@genq/service-kit';
import { createGateway } from './bootstrap';
import { readGatewayConfig } from './config';
import { currentRequest } from './auth/request-context';
import { TEMPORAL_CONNECTION } from './tokens';

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
  const checks = app.get(ReadinessChecks, { strict: false });
  management.setReadiness(() => checks.check());
  appLogger('gateway').info(`gateway listening on http://${config.host}:${config.port}/api`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
