import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/**
 * The programme office may reject an open amendment: who, when and why. Runs on SQLite and
 * PostgreSQL. Timestamped after the migration that creates `amendments`, since TypeORM runs
 * migrations in timestamp order.
 */
export class AmendmentRejection1765146000000 implements MigrationInterface {
  name = 'AmendmentRejection1765146000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.addColumns('amendments', [
      new TableColumn({ name: 'rejectedBy', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'rejectedAt', type: t.timestamp, isNullable: true }),
      new TableColumn({ name: 'rejectionReason', type: 'text', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('amendments', ['rejectedBy', 'rejectedAt', 'rejectionReason']);
  }
}
