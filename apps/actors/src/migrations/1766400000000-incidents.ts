import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 18: technical incidents, as the worker's incident scanner reports them. */
export class Incidents1766400000000 implements MigrationInterface {
  name = 'Incidents1766400000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'incidents',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'key', type: 'varchar', length: '400' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'workflowId', type: 'varchar', length: '200' },
          { name: 'runId', type: 'varchar', length: '64' },
          { name: 'workflowType', type: 'varchar', length: '100' },
          { name: 'quarterId', type: 'varchar', length: '36', isNullable: true },
          { name: 'programmeId', type: 'varchar', length: '36', isNullable: true },
          { name: 'activityId', type: 'varchar', length: '100', isNullable: true },
          { name: 'activityType', type: 'varchar', length: '100', isNullable: true },
          { name: 'attempts', type: 'integer' },
          { name: 'errorType', type: 'varchar', length: '200', isNullable: true },
          { name: 'message', type: 'text' },
          { name: 'since', type: t.timestamp },
          { name: 'lastFailureAt', type: t.timestamp, isNullable: true },
          { name: 'nextRetryAt', type: t.timestamp, isNullable: true },
          { name: 'paused', type: 'boolean' },
          { name: 'openedAt', type: t.timestamp },
          { name: 'updatedAt', type: t.timestamp },
          { name: 'resolvedAt', type: t.timestamp, isNullable: true },
          { name: 'resolution', type: 'varchar', length: '10', isNullable: true },
          { name: 'resolvedBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'lastRepair', type: 'text', isNullable: true },
          { name: 'notifiedAt', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('incidents', new TableIndex({ name: 'ix_incidents_status_key', columnNames: ['status', 'key'] }));
    await q.createIndex('incidents', new TableIndex({ name: 'ix_incidents_quarter', columnNames: ['quarterId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('incidents');
  }
}
