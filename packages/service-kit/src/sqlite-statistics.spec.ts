import { keepPlannerStatistics, type SqliteConnection } from './sqlite-statistics';

/** The part of better-sqlite3 these tests use (the package ships no types, and none are installed). */
interface Statement {
  run(...params: unknown[]): unknown;
  get(): unknown;
  all(): unknown[];
}
interface Db extends SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction(fn: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string) => Db;

describe('keepPlannerStatistics (the embedded database gathers no statistics by itself)', () => {
  const stats = (db: Db) =>
    db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get() as { n: number };
  const plan = (db: Db) =>
    (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM q WHERE programme IN (1, 2) AND overdue IS NOT NULL ORDER BY overdue, id LIMIT 25').all() as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join(' | ');

  function filled(): Db {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE q (id INTEGER PRIMARY KEY, programme INTEGER NOT NULL, overdue TEXT)');
    db.exec('CREATE INDEX ix_programme ON q (programme)');
    db.exec('CREATE INDEX ix_overdue_page ON q (overdue, id, programme)');
    const insert = db.prepare('INSERT INTO q (programme, overdue) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(i % 2, i % 50 === 0 ? `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` : null);
    })();
    return db;
  }

  it('analyses a filled database once the connection opens, and the planner then reads the page index', () => {
    const db = filled();
    expect(stats(db).n).toBe(0);
    // Without statistics SQLite takes the programme index and sorts every match.
    expect(plan(db)).toContain('TEMP B-TREE');
    const stop = keepPlannerStatistics(db, 60_000);
    stop();
    expect(stats(db).n).toBe(1);
    expect(plan(db)).toContain('ix_overdue_page');
    expect(plan(db)).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('analyses again on its interval (a database that filled after it opened), and never inside a transaction', async () => {
    const db = new Database(':memory:');
    const stop = keepPlannerStatistics(db, 50);
    expect(stats(db).n).toBe(0);
    db.close();
    stop();

    const later = filled();
    later.exec('BEGIN');
    const stopLater = keepPlannerStatistics(later, 50);
    await new Promise((r) => setTimeout(r, 120));
    // An open transaction: the ticks waited.
    expect(stats(later).n).toBe(0);
    later.exec('COMMIT');
    await new Promise((r) => setTimeout(r, 120));
    stopLater();
    expect(stats(later).n).toBe(1);
    later.close();
  });

  it('stops quietly when the connection is closed', async () => {
    const db = new Database(':memory:');
    const errors: unknown[] = [];
    const stop = keepPlannerStatistics(db, 20, (err) => errors.push(err));
    db.close();
    await new Promise((r) => setTimeout(r, 60));
    stop();
    expect(errors).toEqual([]);
  });
});
