import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 16: the dashboard's counters per programme, phase and step (`quarter_counts`), kept by
 * triggers on `quarters` in the transaction that changes a quarter row, whoever writes it
 * (registration, import, projection, deletion, a benchmark filling the table by hand), and
 * filled here from the rows that exist. Time-dependent figures (upcoming deadlines) are not
 * counters: the dashboard counts them from the next-due index.
 *
 * SQLite: three triggers (insert, update of a counted column, delete). PostgreSQL: one
 * trigger function; an update that moves a quarter between two counters changes them in key
 * order, so two projections moving quarters in opposite directions cannot deadlock.
 */
// Copies, not imports: a migration stays as it was written whatever the code becomes.
const KEY = `"programmeId", "phase", "currentStep"`;
const COLUMNS = `${KEY}, "quarters", "stalled", "paused", "overdue"`;
const ADD = `"quarters" = "quarter_counts"."quarters" + excluded."quarters", "stalled" = "quarter_counts"."stalled" + excluded."stalled", "paused" = "quarter_counts"."paused" + excluded."paused", "overdue" = "quarter_counts"."overdue" + excluded."overdue"`;
/** One row's contribution: `r` is NEW or OLD. */
const values = (r: string) =>
  `${r}."programmeId", COALESCE(${r}."phase", ''), COALESCE(${r}."currentStep", ''), 1, CASE WHEN ${r}."stalled" THEN 1 ELSE 0 END, CASE WHEN ${r}."paused" THEN 1 ELSE 0 END, CASE WHEN ${r}."overdueSince" IS NULL THEN 0 ELSE 1 END`;
const add = (r: string) => `INSERT INTO "quarter_counts" (${COLUMNS}) VALUES (${values(r)}) ON CONFLICT (${KEY}) DO UPDATE SET ${ADD}`;
const subtract = (r: string) =>
  `UPDATE "quarter_counts" SET "quarters" = "quarters" - 1, "stalled" = "stalled" - CASE WHEN ${r}."stalled" THEN 1 ELSE 0 END, "paused" = "paused" - CASE WHEN ${r}."paused" THEN 1 ELSE 0 END, "overdue" = "overdue" - CASE WHEN ${r}."overdueSince" IS NULL THEN 0 ELSE 1 END WHERE "programmeId" = ${r}."programmeId" AND "phase" = COALESCE(${r}."phase", '') AND "currentStep" = COALESCE(${r}."currentStep", '')`;
const COUNTED = `"programmeId", "phase", "currentStep", "stalled", "paused", "overdueSince"`;

export class QuarterCounts1767000000000 implements MigrationInterface {
  name = 'QuarterCounts1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'quarter_counts',
        columns: [
          { name: 'programmeId', type: 'varchar', length: '100', isPrimary: true },
          { name: 'phase', type: 'varchar', length: '30', isPrimary: true },
          { name: 'currentStep', type: 'varchar', length: '60', isPrimary: true },
          { name: 'quarters', type: 'integer', default: 0 },
          { name: 'stalled', type: 'integer', default: 0 },
          { name: 'paused', type: 'integer', default: 0 },
          { name: 'overdue', type: 'integer', default: 0 },
        ],
      }),
    );
    await q.query(
      `INSERT INTO "quarter_counts" (${COLUMNS}) SELECT "programmeId", COALESCE("phase", ''), COALESCE("currentStep", ''), COUNT(*), ` +
        `SUM(CASE WHEN "stalled" THEN 1 ELSE 0 END), SUM(CASE WHEN "paused" THEN 1 ELSE 0 END), SUM(CASE WHEN "overdueSince" IS NULL THEN 0 ELSE 1 END) ` +
        `FROM "quarters" GROUP BY "programmeId", COALESCE("phase", ''), COALESCE("currentStep", '')`,
    );
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION quarter_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${add('NEW')};
  ELSIF TG_OP = 'DELETE' THEN
    ${subtract('OLD')};
  ELSIF ROW(OLD."programmeId", COALESCE(OLD."phase", ''), COALESCE(OLD."currentStep", '')) < ROW(NEW."programmeId", COALESCE(NEW."phase", ''), COALESCE(NEW."currentStep", '')) THEN
    ${subtract('OLD')};
    ${add('NEW')};
  ELSE
    ${add('NEW')};
    ${subtract('OLD')};
  END IF;
  RETURN NULL;
END $$`);
      await q.query(
        `CREATE TRIGGER "trg_quarter_counts" AFTER INSERT OR DELETE OR UPDATE OF ${COUNTED} ON "quarters" FOR EACH ROW EXECUTE FUNCTION quarter_counts_apply()`,
      );
    } else {
      await q.query(`CREATE TRIGGER "trg_quarter_counts_insert" AFTER INSERT ON "quarters" BEGIN ${add('NEW')}; END`);
      await q.query(`CREATE TRIGGER "trg_quarter_counts_delete" AFTER DELETE ON "quarters" BEGIN ${subtract('OLD')}; END`);
      await q.query(
        `CREATE TRIGGER "trg_quarter_counts_update" AFTER UPDATE OF ${COUNTED} ON "quarters" BEGIN ${subtract('OLD')}; ${add('NEW')}; END`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`DROP TRIGGER "trg_quarter_counts" ON "quarters"`);
      await q.query(`DROP FUNCTION quarter_counts_apply()`);
    } else {
      for (const t of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER "trg_quarter_counts_${t}"`);
    }
    await q.dropTable('quarter_counts');
  }
}
