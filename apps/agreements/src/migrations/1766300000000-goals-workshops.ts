import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 13: the goals workshop completes its step by its own record, not by a hand-made process event. Runs on SQLite and PostgreSQL. */
export class GoalsWorkshops1766300000000 implements MigrationInterface {
  name = 'GoalsWorkshops1766300000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'goals_workshops',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'participants', type: 'text' },
          { name: 'notes', type: 'text', isNullable: true },
          { name: 'goals', type: 'integer' },
          { name: 'measures', type: 'integer' },
          { name: 'recordedBy', type: 'varchar', length: '36' },
          { name: 'recordedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex('goals_workshops', new TableIndex({ name: 'ix_goals_workshops_quarter', columnNames: ['quarterId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('goals_workshops');
  }
}
