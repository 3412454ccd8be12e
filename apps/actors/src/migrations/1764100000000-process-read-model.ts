import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/**
 * The process read model grows: stalled (stockend) with reason and since when, paused,
 * next due date and overdue-since, projected by the worker; and the notification outbox.
 */
export class ProcessReadModel1764100000000 implements MigrationInterface {
  name = 'ProcessReadModel1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.addColumns('quarters', [
      new TableColumn({ name: 'stalled', type: 'boolean', default: t.false }),
      new TableColumn({ name: 'stalledReason', type: 'varchar', length: '300', isNullable: true }),
      new TableColumn({ name: 'stalledSince', type: t.timestamp, isNullable: true }),
      new TableColumn({ name: 'paused', type: 'boolean', default: t.false }),
      new TableColumn({ name: 'nextDueAt', type: t.timestamp, isNullable: true }),
      new TableColumn({ name: 'overdueSince', type: t.timestamp, isNullable: true }),
    ]);
    await q.createIndex('quarters', new TableIndex({ name: 'ix_quarters_stalled', columnNames: ['stalled'] }));
    await q.createIndex('quarters', new TableIndex({ name: 'ix_quarters_next_due', columnNames: ['nextDueAt'] }));
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'idempotencyKey', type: 'varchar', length: '300' },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'deadlineKey', type: 'varchar', length: '60', isNullable: true },
          { name: 'occurrence', type: 'integer' },
          { name: 'recipientName', type: 'varchar', length: '200', isNullable: true },
          { name: 'recipientEmail', type: 'varchar', length: '320', isNullable: true },
          { name: 'subject', type: 'varchar', length: '400' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'sentAt', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('notifications', new TableIndex({ name: 'uq_notifications_idempotency_key', columnNames: ['idempotencyKey'], isUnique: true }));
    await q.createIndex('notifications', new TableIndex({ name: 'ix_notifications_quarter', columnNames: ['quarterId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notifications');
    await q.dropIndex('quarters', 'ix_quarters_next_due');
    await q.dropIndex('quarters', 'ix_quarters_stalled');
    for (const c of ['overdueSince', 'nextDueAt', 'paused', 'stalledSince', 'stalledReason', 'stalled']) await q.dropColumn('quarters', c);
  }
}
