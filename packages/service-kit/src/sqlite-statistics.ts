/** The part of a better-sqlite3 connection the statistics need. */
export interface SqliteConnection {
  pragma(source: string): unknown;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

/** How often the embedded database's planner statistics are brought up to date. */
export const SQLITE_STATISTICS_INTERVAL_MS = 10 * 60_000;

/**
 * Keeps SQLite's query planner statistics (`sqlite_stat1`) current on the embedded database:
 * `PRAGMA optimize` with every table considered (0x10000) and ANALYZE where it helps (0x02),
 * when the connection opens and then every `intervalMs`. SQLite gathers none by itself, and
 * without them it guesses: at 10,000 quarters it read a page of overdue quarters through the
 * programme index and sorted it (65 ms) instead of reading 25 entries of the page's own index
 * (2.7 ms; docs/benchmarks.md). It analyses a table that never was, or whose size changed
 * much since; otherwise it costs next to nothing (PostgreSQL's autovacuum does this there).
 * A tick that finds a transaction open on the connection is skipped: the next one comes.
 * Returns a function that stops it.
 */
export function keepPlannerStatistics(conn: SqliteConnection, intervalMs = SQLITE_STATISTICS_INTERVAL_MS, onError: (err: unknown) => void = () => {}): () => void {
  const optimize = () => {
    if (!conn.open || conn.inTransaction) return;
    try {
      conn.pragma('optimize=0x10002');
    } catch (err) {
      onError(err);
    }
  };
  optimize();
  const timer = setInterval(optimize, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
