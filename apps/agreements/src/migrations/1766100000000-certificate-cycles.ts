import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/**
 * Certificates and annual reports belong to an implementation cycle: a renewal by the
 * Bilanzierung issues the next cycle's certificate, and each cycle has its own reports 1 to 3.
 * Existing rows are cycle 1. Runs on SQLite and PostgreSQL.
 */
export class CertificateCycles1766100000000 implements MigrationInterface {
  name = 'CertificateCycles1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.addColumns('certificates', [
      new TableColumn({ name: 'cycle', type: 'integer', default: 1 }),
      new TableColumn({ name: 'expiredAt', type: t.timestamp, isNullable: true }),
      new TableColumn({ name: 'endedBy', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'reportWindows', type: 'text', isNullable: true }),
    ]);
    // A renewal certifies the next cycle under the same agreement version.
    await q.dropIndex('certificates', 'uq_certificates_version');
    await q.createIndex('certificates', new TableIndex({ name: 'uq_certificates_version_cycle', columnNames: ['versionId', 'cycle'], isUnique: true }));
    await q.addColumn('annual_reports', new TableColumn({ name: 'cycle', type: 'integer', default: 1 }));
    await q.dropIndex('annual_reports', 'uq_annual_reports_year');
    await q.createIndex('annual_reports', new TableIndex({ name: 'uq_annual_reports_cycle_year', columnNames: ['quarterId', 'cycle', 'year'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('annual_reports', 'uq_annual_reports_cycle_year');
    await q.createIndex('annual_reports', new TableIndex({ name: 'uq_annual_reports_year', columnNames: ['quarterId', 'year'], isUnique: true }));
    await q.dropColumn('annual_reports', 'cycle');
    await q.dropIndex('certificates', 'uq_certificates_version_cycle');
    await q.createIndex('certificates', new TableIndex({ name: 'uq_certificates_version', columnNames: ['versionId'], isUnique: true }));
    await q.dropColumns('certificates', ['cycle', 'expiredAt', 'endedBy', 'reportWindows']);
  }
}
