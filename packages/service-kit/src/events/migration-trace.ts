import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The outbox keeps the trace context of the change that recorded an event (`traceContext`),
 * so the event's consumers continue that trace. Listed after {@link EventOutbox1766000000000}
 * by every service. Runs on SQLite and PostgreSQL.
 */
export class OutboxTraceContext1766900000000 implements MigrationInterface {
  name = 'OutboxTraceContext1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('outbox_events', new TableColumn({ name: 'traceContext', type: 'varchar', length: '1000', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('outbox_events', 'traceContext');
  }
}
