import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Issue 13: the deliverables that complete Auftakt and Beteiligungsphase (kick-off record, participation record). */
export class StepRecords1766300000000 implements MigrationInterface {
  name = 'StepRecords1766300000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'kickoff_records',
        columns: [
          { name: 'quarterId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'housingCompanyLeadId', type: 'varchar', length: '36' },
          { name: 'municipalityLeadId', type: 'varchar', length: '36' },
          { name: 'facilitatorId', type: 'varchar', length: '36' },
          { name: 'declarationSignedOn', type: 'varchar', length: '10' },
          { name: 'notes', type: 'text', isNullable: true },
          { name: 'recordedBy', type: 'varchar', length: '36' },
          { name: 'recordedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'participation_records',
        columns: [
          { name: 'quarterId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'closedOn', type: 'varchar', length: '10' },
          { name: 'proposals', type: 'text' },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'recordedBy', type: 'varchar', length: '36' },
          { name: 'recordedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('participation_records');
    await q.dropTable('kickoff_records');
  }
}
