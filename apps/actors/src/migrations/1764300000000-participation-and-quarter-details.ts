import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 4: a quarter's size figures and boundary, and its participation events. */
export class ParticipationAndQuarterDetails1764300000000 implements MigrationInterface {
  name = 'ParticipationAndQuarterDetails1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.addColumns('quarters', [
      new TableColumn({ name: 'flats', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'residents', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'areaSqm', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'boundary', type: 'text', isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'participation_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'participants', type: 'text' },
          { name: 'participantsTotal', type: 'integer' },
          { name: 'outcome', type: 'text', isNullable: true },
          { name: 'createdBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex(
      'participation_events',
      new TableIndex({ name: 'ix_participation_events_quarter_date', columnNames: ['quarterId', 'date'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('participation_events');
    await q.dropColumns('quarters', ['flats', 'residents', 'areaSqm', 'boundary']);
  }
}
