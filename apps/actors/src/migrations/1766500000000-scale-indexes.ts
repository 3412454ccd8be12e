import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: indexes that match the read model's questions at 10,000 quarters and more.
 * - the dashboard's one GROUP BY phase, step answered from the index alone (every column it
 *   counts is in it, the programme too, for the caller's scope);
 * - the stalled / overdue / next-due pages in their sort order (then id), so a page of 25 reads
 *   25 index entries instead of sorting every match, and the programme, so the page's total
 *   within the caller's scope is counted from the index alone;
 * - the dashboard's facets (distinct Länder, Kreise, municipalities, companies) per scope.
 * Plain CREATE INDEX: the same statement on SQLite and PostgreSQL.
 */
// A copy, not an import: a migration stays as it was written whatever the entity becomes.
const INDEXES: Array<[string, string[]]> = [
  ['ix_quarters_dashboard', ['phase', 'currentStep', 'programmeId', 'stalled', 'paused', 'overdueSince', 'nextDueAt']],
  ['ix_quarters_stalled_page', ['stalled', 'stalledSince', 'id', 'programmeId']],
  ['ix_quarters_overdue_page', ['overdueSince', 'id', 'programmeId']],
  ['ix_quarters_next_due_page', ['nextDueAt', 'id', 'programmeId']],
  ['ix_quarters_land', ['land', 'programmeId']],
  ['ix_quarters_kreis', ['kreis', 'programmeId']],
  ['ix_quarters_municipality', ['municipality', 'programmeId']],
  ['ix_quarters_housing_company', ['housingCompany', 'programmeId']],
];

export class ScaleIndexes1766500000000 implements MigrationInterface {
  name = 'ScaleIndexes1766500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await q.query(`CREATE INDEX "${name}" ON "quarters" (${columns.map((c) => `"${c}"`).join(', ')})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await q.query(`DROP INDEX "${name}"`);
  }
}
