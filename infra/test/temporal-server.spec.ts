import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureTemporalBinary,
  ensureTemporalServer,
  ensureTemporalSqlTool,
  run,
  setupTemporalSchemas,
  startPostgres,
  startTemporalServer,
  type PostgresCluster,
  type TemporalServer,
} from '@genq/infra';

/**
 * The production profile's Temporal: the real server on PostgreSQL with SQL visibility, its
 * schemas installed by Temporal's own SQL tool. The first run on a machine builds both from
 * the Go module proxy (about six minutes on two cores; `npm test` does it before the tests).
 */
jest.setTimeout(20 * 60_000);

describe('Temporal server on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'genq-temporal-server-spec-'));
  let pg: PostgresCluster;
  let server: TemporalServer | undefined;
  let cli: string;

  beforeAll(async () => {
    cli = await ensureTemporalBinary({ log: () => {} });
    pg = await startPostgres({ log: () => {} });
  });

  afterAll(async () => {
    await server?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const temporal = (...args: string[]) => run(cli, [...args, '--address', server!.address]);

  it('installs the schemas with the SQL tool, and a second run only checks them', async () => {
    const sqlTool = await ensureTemporalSqlTool({ log: () => {} });
    await setupTemporalSchemas({ pg, sqlTool, log: () => {} });
    await setupTemporalSchemas({ pg, sqlTool, log: () => {} });
    const tables = await run(join(pg.binDir, 'psql'), ['-X', '-At', '-d', pg.url('temporal_visibility'), '-c', "select count(*) from information_schema.tables where table_name = 'executions_visibility'"]);
    expect(tables.stdout.trim()).toBe('1');
  });

  it('serves a namespace it created, with custom search attributes that visibility queries filter on', async () => {
    server = await startTemporalServer({ bin: await ensureTemporalServer({ log: () => {} }), cli, pg, dir, namespace: 'genq-spec', log: () => {} });
    expect((await temporal('operator', 'namespace', 'describe', '--namespace', 'genq-spec')).code).toBe(0);
    // A namespace just created reaches the operator API when the server's namespace cache
    // refreshes (every few seconds); until then adding an attribute answers "not found".
    const createdBy = Date.now() + 60_000;
    let created = await temporal('operator', 'search-attribute', 'create', '--namespace', 'genq-spec', '--name', 'GenqSpecStep', '--type', 'Keyword');
    while (/not found/i.test(created.stderr) && Date.now() < createdBy) {
      await new Promise((r) => setTimeout(r, 1000));
      created = await temporal('operator', 'search-attribute', 'create', '--namespace', 'genq-spec', '--name', 'GenqSpecStep', '--type', 'Keyword');
    }
    expect(created.stderr).toBe('');
    // The frontend learns the new attribute when its namespace cache refreshes (every few seconds).
    const until = Date.now() + 60_000;
    let listed = await temporal('workflow', 'list', '--namespace', 'genq-spec', '--query', "GenqSpecStep = 'analysis'");
    while (listed.code !== 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 1000));
      listed = await temporal('workflow', 'list', '--namespace', 'genq-spec', '--query', "GenqSpecStep = 'analysis'");
    }
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    // An unknown attribute is refused: the query above was really checked against the registered ones.
    const unknown = await temporal('workflow', 'list', '--namespace', 'genq-spec', '--query', "GenqNoSuchAttribute = 'x'");
    expect(unknown.code).not.toBe(0);
  });
});
