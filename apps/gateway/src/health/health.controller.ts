import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Connection } from '@temporalio/client';
import { ActorsPatterns, AgreementsPatterns, AnalysisPatterns, type ServiceHealth } from '@genq/contracts';
import { Public } from '../auth/policy';
import { ServiceClients, type ServiceName } from '../services/service-clients';
import { TEMPORAL_CONNECTION } from '../tokens';
import type { ComponentHealth, HealthReport } from '../openapi/response-types';
import { Returns } from '../openapi/returns';

const CHECK_TIMEOUT_MS = 3000;


@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly services: ServiceClients,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  @Get()
  // Load balancers and the launcher ask without signing in; the answer names components, no data.
  @Public()
  @ApiOkResponse({ description: 'Temporal, every service, every database and every service’s event relay (NATS) are up' })
  @ApiServiceUnavailableResponse({ description: 'Names what is down under `down`' })
  @Returns('HealthReport', { alsoOn: [503] })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const patterns: Record<ServiceName, string> = {
      actors: ActorsPatterns.health,
      analysis: AnalysisPatterns.health,
      agreements: AgreementsPatterns.health,
    };
    const [temporal, ...services] = await Promise.all([
      this.checkTemporal(),
      ...(Object.keys(patterns) as ServiceName[]).map((name) => this.checkService(name, patterns[name])),
    ]);
    const components: Record<string, ComponentHealth> = { temporal };
    for (const s of services) {
      components[s.name] = s.service;
      components[`${s.name}-database`] = s.database;
      // The service's outbox relay: down while it cannot reach NATS (its events wait in the outbox).
      if (s.events) components[`${s.name}-events`] = s.events;
    }
    const down = Object.entries(components)
      .filter(([, c]) => !c.up)
      .map(([name]) => name);
    res.status(down.length ? 503 : 200);
    return { status: down.length ? 'down' : 'ok', down, components };
  }

  private async checkTemporal(): Promise<ComponentHealth> {
    try {
      await this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({}));
      return { up: true };
    } catch (err) {
      return { up: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private async checkService(name: ServiceName, pattern: string) {
    try {
      const h = await this.services.send<ServiceHealth>(name, pattern, {}, CHECK_TIMEOUT_MS);
      const events = h.events
        ? { up: h.events.connected, unpublished: h.events.unpublished, oldestUnpublishedAt: h.events.oldestUnpublishedAt, ...(h.events.connected ? {} : { error: 'not connected to NATS' }) }
        : undefined;
      return { name, service: { up: true }, database: { up: h.database.up, ...(h.database.error ? { error: h.database.error } : {}) }, events };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return { name, service: { up: false, error }, database: { up: false, error: 'service unreachable' }, events: undefined };
    }
  }
}
