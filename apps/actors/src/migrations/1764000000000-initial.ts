import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Programmes and quarters with the projected process read model. Runs on SQLite and PostgreSQL. */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'programmes',
        columns: [
          { name: 'id', type: 'varchar', length: '100', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'catalogueId', type: 'varchar', length: '100' },
          { name: 'catalogueVersion', type: 'varchar', length: '50' },
          { name: 'calendar', type: 'text' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quarters',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'naturalKey', type: 'varchar', length: '600' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'municipality', type: 'varchar', length: '200' },
          { name: 'kreis', type: 'varchar', length: '200', isNullable: true },
          { name: 'land', type: 'varchar', length: '60' },
          { name: 'housingCompany', type: 'varchar', length: '200' },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'startedAt', type: t.timestamp },
          { name: 'startAt', type: 'text', isNullable: true },
          { name: 'workflowStartedAt', type: t.timestamp, isNullable: true },
          { name: 'phase', type: 'varchar', length: '30', isNullable: true },
          { name: 'currentStep', type: 'varchar', length: '60', isNullable: true },
          { name: 'processVersion', type: 'integer', default: 0 },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex('quarters', new TableIndex({ name: 'uq_quarters_natural_key', columnNames: ['naturalKey'], isUnique: true }));
    await q.createIndex('quarters', new TableIndex({ name: 'ix_quarters_programme', columnNames: ['programmeId'] }));
    await q.createIndex('quarters', new TableIndex({ name: 'ix_quarters_phase', columnNames: ['phase'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('quarters');
    await q.dropTable('programmes');
  }
}
