import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../database';

/**
 * The outbox and the inbox of domain events (`outbox_events`, `processed_events`), the same
 * in every service's database; each service lists this migration after its own ones.
 * Runs on SQLite and PostgreSQL.
 */
export class EventOutbox1766000000000 implements MigrationInterface {
  name = 'EventOutbox1766000000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '120' },
          { name: 'type', type: 'varchar', length: '60' },
          { name: 'version', type: 'integer' },
          { name: 'source', type: 'varchar', length: '20' },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'occurredAt', type: t.timestamp },
          { name: 'payload', type: 'text' },
          { name: 'publishedAt', type: t.timestamp, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'lastError', type: 'text', isNullable: true },
        ],
      }),
    );
    await q.createIndex('outbox_events', new TableIndex({ name: 'uq_outbox_events_id', columnNames: ['id'], isUnique: true }));
    await q.createIndex('outbox_events', new TableIndex({ name: 'ix_outbox_events_unpublished', columnNames: ['publishedAt', 'seq'] }));
    await q.createTable(
      new Table({
        name: 'processed_events',
        columns: [
          { name: 'consumer', type: 'varchar', length: '80', isPrimary: true },
          { name: 'eventId', type: 'varchar', length: '120', isPrimary: true },
          { name: 'processedAt', type: t.timestamp },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('processed_events');
    await q.dropTable('outbox_events');
  }
}
