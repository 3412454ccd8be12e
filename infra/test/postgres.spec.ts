import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPostgres, type PostgresCluster } from '@genq/infra';

// The first run on a machine without PostgreSQL installs it with apt-get.
jest.setTimeout(10 * 60_000);

const psql = (cluster: PostgresCluster, url: string, sql: string) =>
  promisify(execFile)(join(cluster.binDir, 'psql'), ['-X', '-tA', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql]);

describe('startPostgres', () => {
  let cluster: PostgresCluster | undefined;

  afterAll(() => cluster?.stop());

  it('starts a throw-away cluster on loopback that serves a database it creates', async () => {
    cluster = await startPostgres({ log: () => {} });
    expect(cluster.host).toBe('127.0.0.1');

    const url = await cluster.createDatabase('genq_spec');
    expect(url).toBe(cluster.url('genq_spec'));
    const { stdout } = await psql(cluster, url, 'SELECT 1');
    expect(stdout.trim()).toBe('1');
    const { stdout: encoding } = await psql(cluster, url, 'SHOW server_encoding');
    expect(encoding.trim()).toBe('UTF8');
  });

  it('stops the cluster and removes its directory', async () => {
    const { dir, url } = cluster!;
    await cluster!.stop();
    expect(existsSync(dir)).toBe(false);
    await expect(psql(cluster!, url('postgres'), 'SELECT 1')).rejects.toThrow();
  });
});
