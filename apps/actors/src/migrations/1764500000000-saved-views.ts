import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 6: saved views of the console's lists, shared within a role. */
export class SavedViews1764500000000 implements MigrationInterface {
  name = 'SavedViews1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'saved_views',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'resource', type: 'varchar', length: '60' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'filter', type: 'text' },
          { name: 'sort', type: 'text', isNullable: true },
          { name: 'role', type: 'varchar', length: '30' },
          { name: 'createdBy', type: 'varchar', length: '36' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex('saved_views', new TableIndex({ name: 'ix_saved_views_role_resource', columnNames: ['role', 'resource'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('saved_views');
  }
}
