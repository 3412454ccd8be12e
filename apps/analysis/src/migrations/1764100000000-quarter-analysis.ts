import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/** Quarter analyses, indicator values, criteria ratings and the comparison read model (issue 4). Runs on SQLite and PostgreSQL. */
export class QuarterAnalysis1764100000000 implements MigrationInterface {
  name = 'QuarterAnalysis1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: 'quarter_analyses',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'catalogueVersionId', type: 'varchar', length: '160' },
          { name: 'status', type: 'varchar', length: '20', default: "'draft'" },
          { name: 'submittedAt', type: t.timestamp, isNullable: true },
          { name: 'priorities', type: 'text', isNullable: true },
          { name: 'prioritiesRecordedAt', type: t.timestamp, isNullable: true },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
        indices: [
          new TableIndex({ name: 'uq_quarter_analyses_quarter', columnNames: ['quarterId'], isUnique: true }),
          new TableIndex({ name: 'ix_quarter_analyses_programme', columnNames: ['programmeId', 'catalogueVersionId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'indicator_values',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'catalogueVersionId', type: 'varchar', length: '160' },
          { name: 'indicatorId', type: 'varchar', length: '100' },
          { name: 'referenceDate', type: 'varchar', length: '10' },
          { name: 'value', type: 'double precision' },
          { name: 'source', type: 'varchar', length: '300', isNullable: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'unit', type: 'varchar', length: '50' },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
        indices: [
          new TableIndex({
            name: 'uq_indicator_values_quarter_indicator_date',
            columnNames: ['quarterId', 'indicatorId', 'referenceDate'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_indicator_values_programme',
            columnNames: ['programmeId', 'catalogueVersionId', 'indicatorId', 'quarterId', 'referenceDate', 'value'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'criterion_ratings',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'catalogueVersionId', type: 'varchar', length: '160' },
          { name: 'criterionId', type: 'varchar', length: '50' },
          { name: 'actionFieldId', type: 'varchar', length: '50' },
          { name: 'rating', type: 'integer' },
          { name: 'evidence', type: 'text', isNullable: true },
          { name: 'targetGroups', type: 'text' },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
        indices: [
          new TableIndex({ name: 'uq_criterion_ratings_quarter_criterion', columnNames: ['quarterId', 'criterionId'], isUnique: true }),
          new TableIndex({
            name: 'ix_criterion_ratings_programme',
            columnNames: ['programmeId', 'catalogueVersionId', 'actionFieldId', 'quarterId', 'rating'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quarter_figures',
        columns: [
          { name: 'quarterId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '10', isPrimary: true },
          { name: 'figureId', type: 'varchar', length: '100', isPrimary: true },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'catalogueVersionId', type: 'varchar', length: '160' },
          { name: 'value', type: 'double precision' },
        ],
        indices: [
          new TableIndex({
            name: 'ix_quarter_figures_programme',
            columnNames: ['programmeId', 'catalogueVersionId', 'kind', 'figureId', 'value'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'comparison_revisions',
        columns: [
          { name: 'programmeId', type: 'varchar', length: '100', isPrimary: true },
          { name: 'catalogueVersionId', type: 'varchar', length: '160', isPrimary: true },
          { name: 'revision', type: 'integer' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('comparison_revisions');
    await q.dropTable('quarter_figures');
    await q.dropTable('criterion_ratings');
    await q.dropTable('indicator_values');
    await q.dropTable('quarter_analyses');
  }
}
