import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Catalogue versions. Runs on SQLite and PostgreSQL. */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'catalogue_versions',
        columns: [
          { name: 'id', type: 'varchar', length: '160', isPrimary: true },
          { name: 'catalogueId', type: 'varchar', length: '100' },
          { name: 'version', type: 'varchar', length: '50' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'document', type: 'text' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex(
      'catalogue_versions',
      new TableIndex({ name: 'uq_catalogue_versions_id_version', columnNames: ['catalogueId', 'version'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('catalogue_versions');
  }
}
