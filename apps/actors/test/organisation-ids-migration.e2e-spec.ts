import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { dataSourceOptions, type DatabaseConfig } from '@genq/service-kit';
import { actorsEntities } from '../src/entities';
import { actorsMigrations } from '../src/migrations';
import { OrganisationIds1767100000000 } from '../src/migrations/1767100000000-organisation-ids';
import { Organisation } from '../src/organisations/entities/organisation.entity';
import { Quarter } from '../src/quarters/entities/quarter.entity';

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-org-ids');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

/**
 * Issue 17: the migration that gives organisations their name key and quarters the ids of
 * their municipality and housing company, run on a database that already holds quarters and
 * organisations (duplicates among them) as the service wrote them before.
 */
describe.each(['sqlite', 'postgres'])('the organisation-ids migration on %s', (label) => {
  const P = 'genq-nrw-2026';
  const OTHER = 'genq-other';
  let database: DatabaseConfig;
  let ds: DataSource | undefined;

  beforeAll(() => {
    database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
  });

  it('fills the name keys and, for existing quarters, the ids of the organisations they name (the oldest of duplicates), and leaves the rest null', async () => {
    // The schema as it was: every migration before this one.
    const before = new DataSource(dataSourceOptions(database, [], actorsMigrations.slice(0, actorsMigrations.indexOf(OrganisationIds1767100000000))));
    await before.initialize();
    const pg = before.options.type === 'postgres';
    const params = (n: number) => Array.from({ length: n }, (_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
    const organisation = async (name: string, type: string, programmeId: string, createdAt: string) => {
      const id = randomUUID();
      await before.query(`INSERT INTO "organisations" ("id", "name", "type", "programmeId", "createdAt", "updatedAt") VALUES (${params(6)})`, [id, name, type, programmeId, createdAt, createdAt]);
      return id;
    };
    const quarter = async (name: string, municipality: string, housingCompany: string, programmeId = P) => {
      const id = randomUUID();
      await before.query(
        `INSERT INTO "quarters" ("id", "naturalKey", "name", "municipality", "land", "housingCompany", "programmeId", "startedAt") VALUES (${params(8)})`,
        [id, `${programmeId}|${municipality}|${name}`.toLowerCase(), name, municipality, 'Nordrhein-Westfalen', housingCompany, programmeId, '2026-01-01 00:00:00'],
      );
      return id;
    };
    const city = await organisation('Stadt Dortmund', 'municipality', P, '2026-01-02 00:00:00');
    // Two spellings of one company, as older data holds them: the older one is named.
    const newerCompany = await organisation('dogewo21 ', 'housing_company', P, '2026-01-03 00:00:00');
    const olderCompany = await organisation('DOGEWO21', 'housing_company', P, '2026-01-01 00:00:00');
    const otherCity = await organisation('Stadt Dortmund', 'municipality', OTHER, '2026-01-01 00:00:00');
    const facilitator = await organisation('Vivawest', 'facilitator', P, '2026-01-01 00:00:00');
    const linked = await quarter('Scharnhorst Ost', '  stadt   DORTMUND ', 'Dogewo21');
    const unknown = await quarter('Eving', 'Dortmund', 'Vivawest');
    const elsewhere = await quarter('Hörde', 'Stadt Dortmund', 'DOGEWO21', OTHER);
    await before.destroy();

    ds = new DataSource(dataSourceOptions(database, actorsEntities, actorsMigrations));
    await ds.initialize();
    expect(await ds.driver.createSchemaBuilder().log().then((log) => log.upQueries.map((q) => q.query))).toEqual([]);

    const keys = new Map((await ds.getRepository(Organisation).find()).map((o) => [o.id, o.nameKey]));
    expect(keys).toEqual(
      new Map([
        [city, 'stadt dortmund'],
        [newerCompany, 'dogewo21'],
        [olderCompany, 'dogewo21'],
        [otherCity, 'stadt dortmund'],
        [facilitator, 'vivawest'],
      ]),
    );
    const ids = async (id: string) => {
      const q = await ds!.getRepository(Quarter).findOneByOrFail({ id });
      return [q.municipality, q.municipalityId, q.housingCompany, q.housingCompanyId];
    };
    // The names stay as they were written; only the ids are filled.
    expect(await ids(linked)).toEqual(['  stadt   DORTMUND ', city, 'Dogewo21', olderCompany]);
    // "Vivawest" is an organisation, but no housing company; "Dortmund" none at all.
    expect(await ids(unknown)).toEqual(['Dortmund', null, 'Vivawest', null]);
    // Another programme's quarter names that programme's organisation, or none.
    expect(await ids(elsewhere)).toEqual(['Stadt Dortmund', otherCity, 'DOGEWO21', null]);

    // The dashboard's counters are still kept by their triggers on quarters (no table was rebuilt under them).
    const counted = async () => Number((await ds!.query(`SELECT SUM("quarters") AS "n" FROM "quarter_counts"`))[0].n);
    expect(await counted()).toBe(3);
    const repo = ds.getRepository(Quarter);
    await repo.insert(repo.create({ id: randomUUID(), naturalKey: `${P}|dortmund|brackel`, name: 'Brackel', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vivawest', programmeId: P, startedAt: new Date() }));
    expect(await counted()).toBe(4);
  });

  it('can be undone and run again', async () => {
    const migration = new OrganisationIds1767100000000();
    const runner = ds!.createQueryRunner();
    try {
      const columns = async (table: string) => (await runner.getTable(table))!.columns.map((c) => c.name);
      await migration.down(runner);
      expect(await columns('organisations')).not.toContain('nameKey');
      expect(await columns('quarters')).not.toEqual(expect.arrayContaining(['municipalityId']));
      expect(await columns('quarters')).not.toEqual(expect.arrayContaining(['housingCompanyId']));
      await migration.up(runner);
      expect(await columns('organisations')).toContain('nameKey');
      expect(await columns('quarters')).toEqual(expect.arrayContaining(['municipalityId', 'housingCompanyId']));
    } finally {
      await runner.release();
    }
    expect(await ds!.driver.createSchemaBuilder().log().then((log) => log.upQueries.map((q) => q.query))).toEqual([]);
    const q = await ds!.getRepository(Quarter).findOneByOrFail({ name: 'Scharnhorst Ost' });
    expect(q.municipalityId).not.toBeNull();
  });
});
