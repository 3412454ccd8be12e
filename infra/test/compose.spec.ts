import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { composeEnvironment, ensureDockerCompose } from '@genq/infra';

/**
 * The production-like stack as Docker Compose resolves it (`config` needs no Docker engine).
 * Compose v2 comes from Docker's packages or, where only registries are reachable, from a
 * Go build into the per-user cache: the first run may take minutes.
 */
jest.setTimeout(20 * 60_000);

interface ComposeService {
  image?: string;
  command?: string[];
  volumes?: Array<{ type: string; source?: string; target: string }>;
  build?: { dockerfile?: string; target?: string; args?: Record<string, string> };
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

const repoRoot = resolve(__dirname, '../..');
const apps = ['gateway', 'actors', 'analysis', 'agreements', 'worker', 'console'];
const services = ['actors', 'analysis', 'agreements'];
const nodeApps = apps.filter((a) => a !== 'console');
const natsNodes = ['nats-1', 'nats-2', 'nats-3'];

let config: { services: Record<string, ComposeService> };

beforeAll(async () => {
  const [cmd, ...args] = await ensureDockerCompose();
  const { stdout } = await promisify(execFile)(cmd!, [...args, '-f', 'docker-compose.yml', 'config', '--format', 'json'], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  config = JSON.parse(stdout);
});

const service = (name: string): ComposeService => {
  const s = config.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
};

it('runs every app, PostgreSQL, Temporal and NATS', () => {
  expect(Object.keys(config.services)).toEqual(expect.arrayContaining([...apps, 'postgres', 'temporal', ...natsNodes]));
});

it.each([...services, 'worker'])('runs two replicas of %s, as the production profile does', (name) => {
  expect(service(name).deploy?.replicas).toBe(2);
});

it.each(apps)('builds %s from the shared Dockerfile with APP set to its name', (app) => {
  expect(service(app).build).toMatchObject({ dockerfile: 'infra/docker/Dockerfile', args: { APP: app } });
});

it.each(apps)('gives %s a health check', (app) => {
  const healthcheck = service(app).healthcheck;
  expect(healthcheck?.disable).not.toBe(true);
  expect(healthcheck?.test?.length).toBeGreaterThan(0);
});

it('waits for healthy dependencies, not just started ones', () => {
  const notAwaitingHealth = apps.flatMap((app) =>
    Object.entries(service(app).depends_on ?? {})
      .filter(([, { condition }]) => condition !== 'service_healthy')
      .map(([dependency, { condition }]) => `${app} -> ${dependency}: ${condition}`),
  );
  expect(notAwaitingHealth).toEqual([]);
  for (const app of apps) expect(Object.keys(service(app).depends_on ?? {}).length).toBeGreaterThan(0);
});

it('never asks an ORM to synchronize the schema (migrations only)', () => {
  const synchronizing = Object.entries(config.services).flatMap(([name, s]) =>
    Object.entries(s.environment ?? {})
      .filter(([key, value]) => /synchroni[sz]e/i.test(`${key}=${value ?? ''}`))
      .map(([key, value]) => `${name}: ${key}=${value}`),
  );
  expect(synchronizing).toEqual([]);
});

it('gives actors, analysis and agreements each its own PostgreSQL database', () => {
  const databases = services.map((name) => {
    const env = service(name).environment ?? {};
    expect(env.DB_TYPE).toBe('postgres');
    const url = new URL(env.DATABASE_URL ?? '');
    expect(url.hostname).toBe('postgres');
    return url.pathname.replace(/^\//, '');
  });
  expect(databases).toEqual(['genq_actors', 'genq_analysis', 'genq_agreements']);
  expect(new Set(databases).size).toBe(services.length);
});

it('points the worker and the gateway at the Temporal service (the services do not use it)', () => {
  for (const app of ['worker', 'gateway']) {
    expect(service(app).environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'default' });
  }
});

it.each(natsNodes)('runs %s as a JetStream cluster node on its own volume with a health check', (name) => {
  const nats = service(name);
  expect(nats.command).toEqual(expect.arrayContaining(['-js', '-sd', '/data', '--server_name', `genq-${name}`, '--cluster_name', 'genq', '--cluster', 'nats://0.0.0.0:6222']));
  const routes = nats.command![nats.command!.indexOf('--routes') + 1]!.split(',');
  expect(routes.sort()).toEqual(natsNodes.map((n) => `nats://${n}:6222`));
  expect(nats.volumes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'volume', source: `${name}-data`, target: '/data' })]));
  expect(nats.healthcheck?.test?.join(' ')).toMatch(/8222\/healthz/);
});

it('points every Node app at all three NATS nodes, keeps three copies of every stream, and starts it only once the cluster is healthy', () => {
  for (const app of nodeApps) {
    expect(service(app).environment).toMatchObject({ NATS_URL: natsNodes.map((n) => `nats://${n}:4222`).join(','), NATS_STREAM_REPLICAS: '3' });
    for (const node of natsNodes) expect(service(app).depends_on?.[node]).toEqual(expect.objectContaining({ condition: 'service_healthy' }));
  }
});

it('reaches the services over NATS only: no service addresses or ports anywhere', () => {
  const addressed = Object.entries(config.services).flatMap(([name, s]) =>
    Object.keys(s.environment ?? {})
      .filter((key) => /^(SERVICE|ACTORS|ANALYSIS|AGREEMENTS)_(HOST|PORT)$/.test(key))
      .map((key) => `${name}: ${key}`),
  );
  expect(addressed).toEqual([]);
  for (const name of services) expect((service(name) as { ports?: unknown[] }).ports ?? []).toEqual([]);
});

it.each(services)('checks %s by its health answer over NATS', (name) => {
  expect(service(name).healthcheck?.test).toEqual(['CMD', 'node', '../../packages/service-kit/dist/health-probe.js', name]);
});

/**
 * Compose and the apps in step: every variable docker-compose.yml sets for an app is one the
 * app reads, and every variable an app reads is set there or documented in
 * infra/production.env.example as one that keeps its default. What an app reads is found in
 * its source: every `EnvReader` call with a variable name (`r.string('NAME', ...)`, also in the
 * service-kit readers it calls, such as `readServiceConfig`).
 */
describe('docker-compose.yml and the apps read the same variables', () => {
  const READ = /\.(?:string|optional|int|port|bool|oneOf|url)\(\s*'([A-Z][A-Z0-9_]+)'/g;
  /** Set for the libraries the apps run on (Express, Nest), not read by GenQ's configuration. */
  const LIBRARY_VARIABLES = ['NODE_ENV'];

  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const file = join(dir, entry);
      if (statSync(file).isDirectory()) return sourceFiles(file);
      return /\.ts$/.test(entry) && !/\.(spec|test)\.ts$/.test(entry) ? [file] : [];
    });
  const namesIn = (text: string) => [...text.matchAll(READ)].map((m) => m[1]!);

  /** The service-kit readers (`readServiceConfig`, ...) and the variables each reads, with the readers it calls. */
  const kitReaders = (() => {
    const text = readFileSync(join(repoRoot, 'packages/service-kit/src/config.ts'), 'utf8');
    const bodies = Object.fromEntries(
      text.split(/^export function /m).slice(1).map((chunk) => [/^(\w+)/.exec(chunk)![1]!, chunk]),
    );
    const resolveReader = (name: string, seen = new Set<string>()): string[] => {
      if (seen.has(name)) return [];
      seen.add(name);
      const body = bodies[name]!;
      const called = Object.keys(bodies).filter((other) => other !== name && new RegExp(`\\b${other}\\(`).test(body));
      return [...namesIn(body), ...called.flatMap((other) => resolveReader(other, seen))];
    };
    return Object.fromEntries(Object.keys(bodies).map((name) => [name, new Set(resolveReader(name))]));
  })();

  /**
   * What the service-kit's observability (logs, traces, the management port) reads, for every app
   * that starts it: `EnvReader` calls and `process.env.NAME` (the logger and the OpenTelemetry SDK
   * start before any configuration is read). `GENQ_APP` is set by each app's own entry, not by compose.
   */
  const observabilityReads = (() => {
    const dir = join(repoRoot, 'packages/service-kit/src/observability');
    const text = sourceFiles(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
    const env = [...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!);
    return [...namesIn(text), ...env].filter((name) => name !== 'GENQ_APP');
  })();

  const readBy = (app: string): string[] => {
    const text = sourceFiles(join(repoRoot, 'apps', app, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const viaKit = Object.entries(kitReaders).filter(([name]) => new RegExp(`\\b${name}\\(`).test(text)).flatMap(([, names]) => [...names]);
    const observed = /\b(startTelemetry|startManagement)\(/.test(text) ? observabilityReads : [];
    return [...new Set([...namesIn(text), ...viaKit, ...observed])].sort();
  };

  /** The variables production.env.example documents as read by the apps but left at their defaults. */
  const documentedDefaults = (() => {
    const text = readFileSync(join(repoRoot, 'infra/production.env.example'), 'utf8');
    const section = text.slice(text.indexOf('# Optional, read by the apps'), text.indexOf('# temporal (auto-setup image)'));
    return new Set(section.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []);
  })();

  const setBy = (app: string) => Object.keys(service(app).environment ?? {}).sort();

  it('finds what the apps read (the source scan works)', () => {
    expect(readBy('gateway')).toEqual(expect.arrayContaining(['GATEWAY_PORT', 'AUTH_JWT_SECRET', 'TEMPORAL_ADDRESS', 'NATS_URL']));
    expect(readBy('actors')).toEqual(expect.arrayContaining(['DATABASE_URL', 'DB_TYPE', 'NATS_STREAM_REPLICAS', 'GENQ_BOOTSTRAP_ADMIN_EMAIL']));
    expect(readBy('analysis')).not.toContain('TEMPORAL_ADDRESS');
    expect(documentedDefaults.has('TEMPORAL_TASK_QUEUE')).toBe(true);
  });

  it.each(nodeApps)('sets for %s only variables it reads', (app) => {
    const read = new Set([...readBy(app), ...LIBRARY_VARIABLES]);
    expect(setBy(app).filter((name) => !read.has(name))).toEqual([]);
  });

  it.each(nodeApps)('sets for %s every variable it reads, or documents that it keeps its default', (app) => {
    const set = new Set(setBy(app));
    expect(readBy(app).filter((name) => !set.has(name) && !documentedDefaults.has(name))).toEqual([]);
  });

  it.each(nodeApps)('gives %s the same variables as the production profile (infra/lib/production.cjs)', (app) => {
    const profile = composeEnvironment(app, {
      temporalAddress: '127.0.0.1:7233',
      natsUrl: 'nats://127.0.0.1:4222',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/x',
      gatewayPort: 3000,
      corsOrigins: '',
      authJwtSecret: 'x'.repeat(48),
      admin: { email: 'admin@example.org', password: 'secret' },
    });
    expect(Object.keys(profile).sort()).toEqual(setBy(app));
  });
});
