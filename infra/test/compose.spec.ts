import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureDockerCompose } from '@genq/infra';

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
}

const repoRoot = resolve(__dirname, '../..');
const apps = ['gateway', 'actors', 'analysis', 'agreements', 'worker', 'console'];
const services = ['actors', 'analysis', 'agreements'];

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
  expect(Object.keys(config.services)).toEqual(expect.arrayContaining([...apps, 'postgres', 'temporal', 'nats']));
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

it('points every Node app at the Temporal service', () => {
  for (const app of apps.filter((a) => a !== 'console')) {
    expect(service(app).environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'default' });
  }
});

it('runs NATS with JetStream on a volume and a health check', () => {
  const nats = service('nats');
  expect(nats.command).toEqual(expect.arrayContaining(['-js', '-sd', '/data']));
  expect(nats.volumes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'volume', target: '/data' })]));
  expect(nats.healthcheck?.test?.join(' ')).toMatch(/8222\/healthz/);
});

it('points every Node app at NATS and starts it only once NATS is healthy', () => {
  for (const app of apps.filter((a) => a !== 'console')) {
    expect(service(app).environment).toMatchObject({ NATS_URL: 'nats://nats:4222' });
    expect(service(app).depends_on?.nats).toEqual(expect.objectContaining({ condition: 'service_healthy' }));
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
