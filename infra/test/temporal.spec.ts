import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ensureTemporalBinary,
  ensureTimeSkippingTestServer,
  freePort,
  startTemporalDevServer,
  waitForHttp,
  waitForPort,
  type TemporalDevServer,
} from '@genq/infra';

// The first run on a machine builds the Temporal CLI from the Go module proxy (~10 minutes
// on two cores); later runs reuse the cached binary.
jest.setTimeout(20 * 60_000);

const run = promisify(execFile);

describe('Temporal dev server', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'genq-temporal-spec-'));
  let bin: string;
  let server: TemporalDevServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('provides a Temporal CLI binary', async () => {
    bin = await ensureTemporalBinary();
    const { stdout } = await run(bin, ['--version']);
    expect(stdout).toMatch(/temporal version/);
  });

  it('starts on free ports with a SQLite file, serves workflow lists, UI and search attributes', async () => {
    const [port, uiPort] = [await freePort(), await freePort()];
    server = await startTemporalDevServer({
      bin,
      dbFile: join(workDir, 'nested', 'temporal.db'),
      port,
      uiPort,
      searchAttributes: { GenqSpecQuarterId: 'Keyword' },
      logFile: join(workDir, 'temporal.log'),
      log: () => {},
    });
    expect(server.address).toBe(`127.0.0.1:${port}`);

    await expect(run(bin, ['workflow', 'list', '--address', server.address])).resolves.toBeDefined();
    const { stdout } = await run(bin, ['operator', 'search-attribute', 'list', '--address', server.address]);
    expect(stdout).toMatch(/GenqSpecQuarterId\s+Keyword/);
    await waitForHttp(server.uiUrl, { timeoutMs: 30_000 });
  });

  it('stops the server process', async () => {
    const child = server!.process;
    await server!.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await expect(run(bin, ['workflow', 'list', '--address', server!.address, '--command-timeout', '3s'])).rejects.toThrow();
  });
});

describe('time-skipping test server', () => {
  it('provides a wrapper that starts the server from Maven Central on the given port', async () => {
    const wrapper = await ensureTimeSkippingTestServer({ log: () => {} });
    const port = await freePort();
    const child = spawn(wrapper, [String(port), '--enable-time-skipping'], { stdio: 'ignore' });
    try {
      await waitForPort('127.0.0.1', port, 60_000);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
