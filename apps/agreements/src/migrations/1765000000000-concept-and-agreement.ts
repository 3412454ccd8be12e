import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Goals, measures, justifications, agreement versions, signatures, certificates. Runs on SQLite and PostgreSQL. */
export class ConceptAndAgreement1765000000000 implements MigrationInterface {
  name = 'ConceptAndAgreement1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
    const json = (name: string) => ({ name, type: 'text' });
    const created = { name: 'createdAt', type: t.timestamp, default: t.now };

    await q.createTable(
      new Table({
        name: 'goals',
        columns: [
          id,
          ref('quarterId'),
          { name: 'actionFieldId', type: 'varchar', length: '4' },
          { name: 'title', type: 'varchar', length: '300' },
          json('criterionIds'),
          { name: 'indicator', type: 'varchar', length: '300' },
          { name: 'baseline', type: 'varchar', length: '200', isNullable: true },
          { name: 'targetValue', type: 'varchar', length: '200' },
          { name: 'targetDate', type: 'varchar', length: '30' },
          json('targetGroups'),
          created,
        ],
      }),
    );
    await q.createIndex('goals', new TableIndex({ name: 'ix_goals_quarter', columnNames: ['quarterId'] }));

    await q.createTable(
      new Table({
        name: 'measures',
        columns: [
          id,
          ref('quarterId'),
          ref('goalId'),
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'description', type: 'text' },
          ref('ownerOrganisationId', true),
          json('partnerOrganisationIds'),
          { name: 'kind', type: 'varchar', length: '20' },
          json('targetGroups'),
          { name: 'start', type: 'varchar', length: '30', isNullable: true },
          { name: 'end', type: 'varchar', length: '30', isNullable: true },
          json('milestones'),
          { name: 'cost', type: 'varchar', length: '30', isNullable: true },
          json('funding'),
          { name: 'status', type: 'varchar', length: '30' },
          json('statusHistory'),
          created,
        ],
      }),
    );
    await q.createIndex('measures', new TableIndex({ name: 'ix_measures_quarter', columnNames: ['quarterId'] }));
    await q.createIndex('measures', new TableIndex({ name: 'ix_measures_goal', columnNames: ['goalId'] }));

    await q.createTable(
      new Table({
        name: 'field_justifications',
        columns: [id, ref('quarterId'), { name: 'actionFieldId', type: 'varchar', length: '4' }, { name: 'text', type: 'text' }, created],
      }),
    );
    await q.createIndex(
      'field_justifications',
      new TableIndex({ name: 'uq_field_justifications_field', columnNames: ['quarterId', 'actionFieldId'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'agreement_versions',
        columns: [
          id,
          ref('quarterId'),
          { name: 'number', type: 'integer' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'contentHash', type: 'varchar', length: '64' },
          json('snapshot'),
          ref('submittedBy'),
          { name: 'submittedAt', type: t.timestamp },
          { name: 'bindingAt', type: t.timestamp, isNullable: true },
          { name: 'decidedAt', type: t.timestamp, isNullable: true },
          { name: 'requiredChanges', type: 'text', isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'agreement_versions',
      new TableIndex({ name: 'uq_agreement_versions_number', columnNames: ['quarterId', 'number'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'signatures',
        columns: [
          id,
          ref('versionId'),
          ref('organisationId'),
          { name: 'organisationName', type: 'varchar', length: '200' },
          ref('accountId'),
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'at', type: t.timestamp },
        ],
      }),
    );
    await q.createIndex(
      'signatures',
      new TableIndex({ name: 'uq_signatures_version_organisation', columnNames: ['versionId', 'organisationId'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'certificates',
        columns: [
          id,
          { name: 'number', type: 'varchar', length: '40' },
          ref('quarterId'),
          { name: 'quarterName', type: 'varchar', length: '300' },
          ref('versionId'),
          json('partners'),
          { name: 'issuedAt', type: t.timestamp },
          { name: 'validUntil', type: t.timestamp },
          { name: 'verificationCode', type: 'varchar', length: '64' },
        ],
      }),
    );
    await q.createIndex('certificates', new TableIndex({ name: 'uq_certificates_number', columnNames: ['number'], isUnique: true }));
    await q.createIndex('certificates', new TableIndex({ name: 'uq_certificates_version', columnNames: ['versionId'], isUnique: true }));
    await q.createIndex('certificates', new TableIndex({ name: 'uq_certificates_code', columnNames: ['verificationCode'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['certificates', 'signatures', 'agreement_versions', 'field_justifications', 'measures', 'goals']) await q.dropTable(table);
  }
}
