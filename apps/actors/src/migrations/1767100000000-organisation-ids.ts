import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a quarter holds the ids of its municipality and housing company, not only their
 * names, and an organisation its name key, so a registration finds the organisation it names
 * by one indexed look-up instead of reading every name of the programme.
 * - `organisations.nameKey` (the name trimmed, inner spacing collapsed, lower case), filled
 *   for every row here; indexed with programme and kind (not unique: older duplicates share a
 *   key until they are merged). Nullable, as every column added: the previous version, which
 *   does not write it, still runs beside this one during a rolling update;
 * - `quarters.municipalityId`, `quarters.housingCompanyId`, filled here from the programme's
 *   organisation of that kind whose key the quarter's name has (the oldest of duplicates),
 *   null where none has it; indexed with the programme.
 * The keys are computed here, not in SQL: SQLite's LOWER() knows no umlauts and neither
 * database collapses inner spacing as the service does.
 *
 * Columns are added with ALTER TABLE, the same statement on SQLite and PostgreSQL: TypeORM's
 * addColumn rebuilds a SQLite table, which would drop the triggers on `quarters` that keep the
 * dashboard's counters.
 */
// A copy, not an import: a migration stays as it was written whatever the code becomes.
const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
const KINDS: Array<[column: 'municipality' | 'housingCompany', type: string]> = [
  ['municipality', 'municipality'],
  ['housingCompany', 'housing_company'],
];
const INDEXES: Array<[string, string, string[]]> = [
  ['ix_organisations_name_key', 'organisations', ['programmeId', 'type', 'nameKey']],
  ['ix_quarters_municipality_id', 'quarters', ['municipalityId', 'programmeId']],
  ['ix_quarters_housing_company_id', 'quarters', ['housingCompanyId', 'programmeId']],
];
/** Rows per UPDATE ... WHERE id IN (...): far below the bound variables either database allows. */
const CHUNK = 500;

export class OrganisationIds1767100000000 implements MigrationInterface {
  name = 'OrganisationIds1767100000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const param = (i: number) => (pg ? `$${i}` : '?');
    await q.query(`ALTER TABLE "organisations" ADD COLUMN "nameKey" varchar(400)`);
    await q.query(`ALTER TABLE "quarters" ADD COLUMN "municipalityId" varchar(36)`);
    await q.query(`ALTER TABLE "quarters" ADD COLUMN "housingCompanyId" varchar(36)`);

    // Oldest first: of duplicates sharing a key, the oldest is the one quarters name.
    const organisations: Array<{ id: string; name: string; type: string; programmeId: string }> = await q.query(
      `SELECT "id", "name", "type", "programmeId" FROM "organisations" ORDER BY "createdAt" ASC, "id" ASC`,
    );
    const byKey = new Map<string, string>();
    for (const o of organisations) {
      await q.query(`UPDATE "organisations" SET "nameKey" = ${param(1)} WHERE "id" = ${param(2)}`, [nameKey(o.name), o.id]);
      const key = `${o.programmeId}|${o.type}|${nameKey(o.name)}`;
      if (!byKey.has(key)) byKey.set(key, o.id);
    }

    if (byKey.size > 0) {
      const quarters: Array<{ id: string; programmeId: string; municipality: string; housingCompany: string }> = await q.query(
        `SELECT "id", "programmeId", "municipality", "housingCompany" FROM "quarters"`,
      );
      for (const [column, type] of KINDS) {
        // The quarters each organisation is named by, then one UPDATE per organisation and chunk.
        const named = new Map<string, string[]>();
        for (const quarter of quarters) {
          const id = byKey.get(`${quarter.programmeId}|${type}|${nameKey(quarter[column])}`);
          if (!id) continue;
          const ids = named.get(id) ?? [];
          ids.push(quarter.id);
          named.set(id, ids);
        }
        for (const [organisationId, quarterIds] of named) {
          for (let i = 0; i < quarterIds.length; i += CHUNK) {
            const ids = quarterIds.slice(i, i + CHUNK);
            await q.query(
              `UPDATE "quarters" SET "${column}Id" = ${param(1)} WHERE "id" IN (${ids.map((_, j) => param(j + 2)).join(', ')})`,
              [organisationId, ...ids],
            );
          }
        }
      }
    }

    for (const [name, table, columns] of INDEXES) {
      await q.query(`CREATE INDEX "${name}" ON "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await q.query(`DROP INDEX "${name}"`);
    await q.query(`ALTER TABLE "quarters" DROP COLUMN "housingCompanyId"`);
    await q.query(`ALTER TABLE "quarters" DROP COLUMN "municipalityId"`);
    await q.query(`ALTER TABLE "organisations" DROP COLUMN "nameKey"`);
  }
}
