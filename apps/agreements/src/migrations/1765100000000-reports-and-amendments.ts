import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Annual reports (Jahresberichte) and amendments of the Zielvereinbarung. Runs on SQLite and PostgreSQL. */
export class ReportsAndAmendments1765100000000 implements MigrationInterface {
  name = 'ReportsAndAmendments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
    const json = (name: string) => ({ name, type: 'text' });
    const at = (name: string, isNullable = false) => ({ name, type: t.timestamp, isNullable });

    await q.createTable(
      new Table({
        name: 'annual_reports',
        columns: [
          id,
          ref('quarterId'),
          { name: 'year', type: 'integer' },
          ref('versionId'),
          { name: 'versionNumber', type: 'integer' },
          { name: 'status', type: 'varchar', length: '20' },
          json('measures'),
          json('indicators'),
          json('changes'),
          { name: 'text', type: 'text' },
          ref('createdBy'),
          at('createdAt'),
          ref('submittedBy', true),
          at('submittedAt', true),
          ref('reviewedBy', true),
          at('reviewedAt', true),
          { name: 'remarks', type: 'text', isNullable: true },
        ],
      }),
    );
    await q.createIndex('annual_reports', new TableIndex({ name: 'uq_annual_reports_year', columnNames: ['quarterId', 'year'], isUnique: true }));

    await q.createTable(
      new Table({
        name: 'amendments',
        columns: [
          id,
          ref('quarterId'),
          { name: 'description', type: 'varchar', length: '500' },
          { name: 'reason', type: 'text' },
          { name: 'status', type: 'varchar', length: '20' },
          ref('baseVersionId'),
          ref('versionId'),
          json('changes'),
          ref('proposedBy'),
          at('proposedAt'),
          ref('acceptedBy', true),
          at('acceptedAt', true),
        ],
      }),
    );
    await q.createIndex('amendments', new TableIndex({ name: 'ix_amendments_quarter', columnNames: ['quarterId'] }));
    await q.createIndex('amendments', new TableIndex({ name: 'uq_amendments_version', columnNames: ['versionId'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['amendments', 'annual_reports']) await q.dropTable(table);
  }
}
