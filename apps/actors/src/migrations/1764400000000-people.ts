import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 4: people of organisations, and the person a quarter membership may name. */
export class People1764400000000 implements MigrationInterface {
  name = 'People1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'people',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organisationId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '200', isNullable: true },
          { name: 'email', type: 'varchar', length: '320', isNullable: true },
          { name: 'phone', type: 'varchar', length: '40', isNullable: true },
          { name: 'signingAuthority', type: 'boolean', default: t.false },
          { name: 'accountId', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex('people', new TableIndex({ name: 'ix_people_organisation_name', columnNames: ['organisationId', 'name'] }));
    await q.createIndex('people', new TableIndex({ name: 'uq_people_account', columnNames: ['accountId'], isUnique: true }));
    await q.addColumn('quarter_memberships', new TableColumn({ name: 'personId', type: 'varchar', length: '36', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('quarter_memberships', 'personId');
    await q.dropTable('people');
  }
}
