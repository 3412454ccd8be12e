import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '@genq/service-kit';

/**
 * Who may do what: accounts with their programme grants, sessions and refresh tokens;
 * organisations and their quarter memberships (the scope of partner users); and the
 * append-only audit log, whose UPDATE and DELETE a trigger refuses on both databases.
 */
export class IdentityAndAudit1764200000000 implements MigrationInterface {
  name = 'IdentityAndAudit1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const pg = q.connection.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: 'accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'displayName', type: 'varchar', length: '200' },
          { name: 'passwordHash', type: 'varchar', length: '200', isNullable: true },
          { name: 'role', type: 'varchar', length: '30' },
          { name: 'organisationId', type: 'varchar', length: '36', isNullable: true },
          { name: 'canSign', type: 'boolean', default: t.false },
          { name: 'failedLogins', type: 'integer', default: 0 },
          { name: 'lockedUntil', type: t.timestamp, isNullable: true },
          { name: 'disabledAt', type: t.timestamp, isNullable: true },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex('accounts', new TableIndex({ name: 'uq_accounts_email', columnNames: ['email'], isUnique: true }));
    await q.createIndex('accounts', new TableIndex({ name: 'ix_accounts_organisation', columnNames: ['organisationId'] }));

    await q.createTable(
      new Table({
        name: 'account_programmes',
        columns: [
          { name: 'accountId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'programmeId', type: 'varchar', length: '100', isPrimary: true },
        ],
      }),
    );
    await q.createIndex('account_programmes', new TableIndex({ name: 'ix_account_programmes_programme', columnNames: ['programmeId'] }));

    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'accountId', type: 'varchar', length: '36' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'expiresAt', type: t.timestamp },
          { name: 'revokedAt', type: t.timestamp, isNullable: true },
          { name: 'revokedReason', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createIndex('sessions', new TableIndex({ name: 'ix_sessions_account', columnNames: ['accountId'] }));

    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'sessionId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'expiresAt', type: t.timestamp },
          { name: 'usedAt', type: t.timestamp, isNullable: true },
        ],
      }),
    );
    await q.createIndex('refresh_tokens', new TableIndex({ name: 'uq_refresh_tokens_hash', columnNames: ['tokenHash'], isUnique: true }));
    await q.createIndex('refresh_tokens', new TableIndex({ name: 'ix_refresh_tokens_session', columnNames: ['sessionId'] }));

    await q.createTable(
      new Table({
        name: 'organisations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'ags', type: 'varchar', length: '8', isNullable: true },
          { name: 'programmeId', type: 'varchar', length: '100' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
          { name: 'updatedAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex(
      'organisations',
      new TableIndex({ name: 'uq_organisations_programme_name', columnNames: ['programmeId', 'name'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'quarter_memberships',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'quarterId', type: 'varchar', length: '36' },
          { name: 'organisationId', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '40' },
          { name: 'createdAt', type: t.timestamp, default: t.now },
        ],
      }),
    );
    await q.createIndex(
      'quarter_memberships',
      new TableIndex({ name: 'uq_quarter_memberships_quarter_organisation', columnNames: ['quarterId', 'organisationId'], isUnique: true }),
    );
    await q.createIndex('quarter_memberships', new TableIndex({ name: 'ix_quarter_memberships_organisation', columnNames: ['organisationId'] }));

    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: t.timestamp },
          { name: 'actorId', type: 'varchar', length: '36', isNullable: true },
          { name: 'actorEmail', type: 'varchar', length: '320', isNullable: true },
          { name: 'actorRole', type: 'varchar', length: '30' },
          { name: 'action', type: 'varchar', length: '100' },
          { name: 'resourceType', type: 'varchar', length: '60' },
          { name: 'resourceId', type: 'varchar', length: '200', isNullable: true },
          { name: 'programmeId', type: 'varchar', length: '100', isNullable: true },
          { name: 'quarterId', type: 'varchar', length: '36', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'requestId', type: 'varchar', length: '100', isNullable: true },
        ],
      }),
    );
    for (const [name, column] of [
      ['ix_audit_log_action', 'action'],
      ['ix_audit_log_resource', 'resourceId'],
      ['ix_audit_log_programme', 'programmeId'],
      ['ix_audit_log_quarter', 'quarterId'],
      ['ix_audit_log_request', 'requestId'],
    ] as const) {
      await q.createIndex('audit_log', new TableIndex({ name, columnNames: [column] }));
    }

    // Append-only below the application: whatever connects with the service's credentials
    // cannot change or remove an entry. (Only the table owner could drop the triggers; see
    // docs/security.md for running the service without ownership in production.)
    if (pg) {
      await q.query(`
        CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$`);
      await q.query(
        'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
      );
      await q.query(
        'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
      );
    } else {
      await q.query(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END",
      );
      await q.query(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END",
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log');
      await q.query('DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log');
      await q.query('DROP FUNCTION IF EXISTS audit_log_refuse_change()');
    } else {
      await q.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
      await q.query('DROP TRIGGER IF EXISTS audit_log_no_update');
    }
    for (const table of ['audit_log', 'quarter_memberships', 'organisations', 'refresh_tokens', 'sessions', 'account_programmes', 'accounts']) {
      await q.dropTable(table);
    }
  }
}
