import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import type { DataSourceOptions, MixedList, QueryRunner, EntitySchema } from 'typeorm';
import type { DatabaseConfig } from './config';
import { installSqliteGate } from './sqlite-gate';
import { keepPlannerStatistics, type SqliteConnection } from './sqlite-statistics';

/**
 * TypeORM options of one service's own database. Migrations always run at start;
 * `synchronize` is never used here (only throw-away test databases may ask for it).
 */
export function dataSourceOptions(
  db: DatabaseConfig,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>,
): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, migrationsTransactionMode: 'each' as const };
  if (db.type === 'sqlite') {
    if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
    // One transaction at a time on the embedded database's single connection (see sqlite-gate).
    installSqliteGate();
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      // WAL lets the console read while the worker projects; foreign keys are off by default in SQLite.
      prepareDatabase: (conn: SqliteConnection) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        // The planner's statistics, which SQLite does not keep by itself (see sqlite-statistics).
        keepPlannerStatistics(conn, undefined, (err) => new Logger('SqliteStatistics').warn(`PRAGMA optimize failed: ${err instanceof Error ? err.message : String(err)}`));
      },
    };
  }
  return { ...common, type: 'postgres', url: db.url, ssl: db.ssl ? { rejectUnauthorized: true } : false };
}

/**
 * Column types that differ between the two drivers, for hand-written migrations that
 * run on both (one migration per change, not one per driver).
 */
export function columnTypes(queryRunner: QueryRunner): { timestamp: string; now: string; false: string } {
  // Entities leave Date columns untyped, so TypeORM picks these same defaults per driver;
  // the migration-drift spec of each service proves the two agree.
  const pg = queryRunner.connection.options.type === 'postgres';
  return { timestamp: pg ? 'timestamp' : 'datetime', now: pg ? 'now()' : "datetime('now')", false: pg ? 'false' : '0' };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
