import { Inject, Injectable, Module, ServiceUnavailableException, type DynamicModule } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TerminusModule, TypeOrmHealthIndicator, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ReadinessResult } from './management';

/** A dependency a process needs to do its work: resolves when reachable, throws (with the reason) when not. */
export type ReadinessProbe = () => Promise<void> | void;

const probes = new Map<string, ReadinessProbe>();

/** Adds a readiness check (`nats`, `temporal`...) to this process's `/health/ready`. */
export function registerReadinessProbe(name: string, probe: ReadinessProbe): void {
  probes.set(name, probe);
}

const HEALTH_OPTIONS = Symbol('GENQ_HEALTH_OPTIONS');
interface HealthOptions {
  /** Ping the app's TypeORM database. */
  database: boolean;
}

/** How long one dependency may take to answer a readiness check before it counts as down. */
const PROBE_TIMEOUT_MS = 3000;

/**
 * The readiness verdict through terminus: the database (a ping), and every registered probe
 * (NATS connected, Temporal answering), each with its own status in the body.
 */
@Injectable()
export class ReadinessChecks {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  async check(): Promise<ReadinessResult> {
    const checks: Array<() => Promise<HealthIndicatorResult>> = [];
    if (this.options.database) checks.push(() => this.db.pingCheck('database', { timeout: PROBE_TIMEOUT_MS }));
    for (const [name, probe] of probes) checks.push(() => this.probe(name, probe));
    try {
      return { ready: true, body: await this.health.check(checks) };
    } catch (err) {
      if (err instanceof ServiceUnavailableException) return { ready: false, body: err.getResponse() };
      throw err;
    }
  }

  private async probe(name: string, probe: ReadinessProbe): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(probe),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
        }),
      ]);
      return session.up();
    } catch (err) {
      return session.down({ message: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Terminus and the readiness checks of one app; `database: false` for the worker. */
@Module({})
export class ObservabilityHealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: ObservabilityHealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [ReadinessChecks, { provide: HEALTH_OPTIONS, useValue: options }],
      exports: [ReadinessChecks],
    };
  }
}

/** Readiness of a NATS request client: connected, and the server answers a ping. */
export function natsClientProbe(client: { connect(): Promise<unknown> }): ReadinessProbe {
  return async () => {
    const nc = (await client.connect()) as { isClosed(): boolean; rtt(): Promise<number> } | undefined;
    if (!nc || nc.isClosed()) throw new Error('the NATS connection is closed');
    await nc.rtt();
  };
}
