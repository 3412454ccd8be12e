import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvReader } from '../config';
import { appLogger } from './logging';
import { registry, scrapeMetrics } from './metrics';

export interface ManagementConfig {
  /** `MANAGEMENT_PORT`: unset, no management server; 0, a free port (logged at start-up). */
  port: number | null;
  /** `MANAGEMENT_HOST`, default 127.0.0.1: metrics and probes are for the operator's network only. */
  host: string;
}

export function readManagementConfig(env: Record<string, string | undefined> = process.env): ManagementConfig {
  const r = new EnvReader(env);
  const port = r.optional('MANAGEMENT_PORT') === undefined ? null : r.port('MANAGEMENT_PORT', 0);
  const host = r.string('MANAGEMENT_HOST', '127.0.0.1');
  r.done();
  return { port, host };
}

/** The verdict of a readiness check, as terminus reports it. */
export interface ReadinessResult {
  ready: boolean;
  body: unknown;
}

/**
 * The operator's side door of a process, on its own port and outside the API's auth:
 * `/metrics` (Prometheus), `/health/live` (the process runs: restart it when this fails) and
 * `/health/ready` (it can do its work: take it out of rotation while this fails). Readiness
 * is false until the app has started (migrations ran, subscriptions made) and then whatever
 * the app's terminus checks say (database, NATS, Temporal).
 */
export class ManagementServer {
  private server: Server | null = null;
  private readiness: (() => Promise<ReadinessResult>) | null = null;
  private readonly extraMetrics: Array<() => Promise<string>> = [];
  url: string | null = null;

  constructor(
    private readonly app: string,
    private readonly config: ManagementConfig,
  ) {}

  /** From now on readiness is this check's verdict (before: "starting", 503). */
  setReadiness(check: () => Promise<ReadinessResult>): void {
    this.readiness = check;
  }

  /** Text appended to `/metrics` (the Temporal SDK's own Prometheus endpoint). */
  addMetricsSource(source: () => Promise<string>): void {
    this.extraMetrics.push(source);
  }

  async start(): Promise<void> {
    if (this.config.port === null || this.server) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed\n');
      if (path === '/metrics') {
        scrapeMetrics(this.extraMetrics).then(
          (text) => send(200, registry.contentType, text),
          (err: unknown) => send(500, 'text/plain', `${(err as Error).message}\n`),
        );
      } else if (path === '/health/live') {
        send(200, 'application/json', JSON.stringify({ status: 'ok', app: this.app, uptimeSeconds: Math.round(process.uptime()) }));
      } else if (path === '/health/ready') {
        const check = this.readiness;
        if (!check) return send(503, 'application/json', JSON.stringify({ status: 'starting', app: this.app }));
        check().then(
          ({ ready, body }) => send(ready ? 200 : 503, 'application/json', JSON.stringify(body)),
          (err: unknown) => send(503, 'application/json', JSON.stringify({ status: 'error', error: (err as Error).message })),
        );
      } else {
        send(404, 'text/plain', 'not found\n');
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.port ?? 0, this.config.host, () => resolve());
    });
    server.unref();
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://${this.config.host}:${port}`;
    // Tests and operators read the bound port from this line when MANAGEMENT_PORT is 0.
    appLogger('management').info(`management listening on ${this.url} (/metrics, /health/live, /health/ready)`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

let current: ManagementServer | null = null;

/** The management server of this process (one per process), started on first call. */
export async function startManagement(app: string, config?: ManagementConfig): Promise<ManagementServer> {
  if (current) return current;
  current = new ManagementServer(app, config ?? readManagementConfig());
  await current.start();
  return current;
}

export function managementServer(): ManagementServer | null {
  return current;
}
