import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The scale benchmark (`npm run bench:scale`, e2e/bench/scale.cjs) at a small size, only to
 * prove it runs end to end and reports every figure; the figures themselves are not judged
 * here (a timed test cannot be trusted on a shared machine; docs/benchmarks.md holds them).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require('../bench/scale.cjs') as { main(argv: string[], log: (m: string) => void): Promise<{ result: Record<string, any>; out: string }> };

const latency = { n: expect.any(Number), p50: expect.any(Number), p95: expect.any(Number), max: expect.any(Number) };

describe('npm run bench:scale at 30 quarters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'genq-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the quarters through the API, measures every question and writes the JSON', async () => {
    const out = join(dir, 'scale.json');
    const { result } = await bench.main(['--quarters', '30', '--batch', '15', '--samples', '5', '--idle-seconds', '2', '--out', out], () => {});
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result);
    const m = result.measurements;
    expect(m.creation).toMatchObject({ quarters: 30, failures: 0, inFlight: 12, perSecond: expect.any(Number), latencyMs: latency });
    expect(m.figures.dashboard).toBe(30);
    for (const q of ['dashboard', 'dashboardWithoutFacets', 'facets', 'stalledPage', 'overduePage', 'nextDuePage']) expect(m.readModel[q]).toMatchObject(latency);
    expect(m.visibility.openWorkflows).toBe(30);
    expect(m.visibility.dashboardCounts).toMatchObject(latency);
    expect(m.visibility.stalledPageUnsorted).toMatchObject(latency);
    expect(m.visibility.stalledPageSortedMs).toEqual(expect.any(Number));
    expect(m.ratio.dashboardP50VsVisibilityCounts).toBeGreaterThan(0);
    expect(m.workflowQueries).toMatchObject({ queried: 30, firstQueryMs: latency, secondQueryMs: latency });
    // Two programmes of 15: the batch is one of them, every quarter with its result.
    expect(m.batch).toMatchObject({ quarters: 15, expected: 15, failed: 0, resultsRead: 15, pollMs: latency });
    expect(m.batch.applied + m.batch.refused).toBe(15);
    expect(m.batch.pollBytes.max).toBeGreaterThan(0);
    for (const name of ['temporal', 'nats', 'actors', 'analysis', 'agreements', 'worker', 'gateway']) {
      expect(m.processes.idle[name]).toMatchObject({ rssMB: expect.any(Number), cpuPercent: expect.any(Number) });
    }
    expect(m.disk.totalMB).toBeGreaterThan(0);
    expect(result.machine.cpus).toBeGreaterThan(0);
  }, 15 * 60_000);

  it('runs on the production profile too: Temporal server on PostgreSQL, replicas, a NATS cluster', async () => {
    const out = join(dir, 'scale-production.json');
    const { result } = await bench.main(['--profile', 'production', '--quarters', '12', '--batch', '6', '--samples', '3', '--idle-seconds', '2', '--out', out], () => {});
    expect(result.profile).toBe('production');
    const m = result.measurements;
    expect(m.creation).toMatchObject({ quarters: 12, failures: 0 });
    expect(m.figures.dashboard).toBe(12);
    expect(m.visibility.openWorkflows).toBe(12);
    expect(m.batch).toMatchObject({ quarters: 6, expected: 6, failed: 0, resultsRead: 6 });
    // Every process of the profile is measured: both replicas, both workers, the cluster, PostgreSQL.
    for (const name of ['temporal', 'postgres', 'nats-1', 'nats-2', 'nats-3', 'actors-1', 'actors-2', 'worker-1', 'worker-2', 'gateway-1']) {
      expect(m.processes.idle[name]).toMatchObject({ rssMB: expect.any(Number), cpuPercent: expect.any(Number) });
    }
    expect(m.disk.byEntryMB.postgres).toBeGreaterThan(0);
  }, 15 * 60_000);
});
