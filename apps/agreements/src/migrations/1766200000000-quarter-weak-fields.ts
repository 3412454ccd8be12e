import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The weak action fields of each quarter's analysis, as the analysis service announces them. Runs on SQLite and PostgreSQL. */
export class QuarterWeakFields1766200000000 implements MigrationInterface {
  name = 'QuarterWeakFields1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'quarter_weak_fields',
        columns: [
          { name: 'quarterId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'weakActionFields', type: 'text' },
          { name: 'revision', type: 'bigint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('quarter_weak_fields');
  }
}
