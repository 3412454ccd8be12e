import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';

/**
 * TypeORM's better-sqlite3 driver runs every query of a service on one connection and one
 * shared query runner. Two requests that write at the same time therefore end up in one
 * another's transaction: the second BEGIN fails ("cannot start a transaction within a
 * transaction"), or a plain UPDATE of one request joins the other's transaction and is rolled
 * back with it. PostgreSQL has a connection per transaction and needs none of this.
 *
 * The gate makes the embedded database behave like PostgreSQL does for us: one transaction at
 * a time per database, in arrival order. A transaction (`manager.transaction`, or the one
 * `save`/`remove` open by themselves) holds the gate for its whole callback; a single
 * statement outside a transaction passes the gate on its own. Work inside a transaction
 * passes straight through (an AsyncLocalStorage knows the flow that holds the gate), so
 * nested calls cannot wait for themselves. better-sqlite3 runs each statement synchronously
 * anyway, so no concurrency is lost that SQLite could have used.
 */
const holder = new AsyncLocalStorage<object>();
const gates = new WeakMap<object, { tail: Promise<unknown> }>();

function through<T>(driver: object, fn: () => Promise<T>): Promise<T> {
  if (holder.getStore() === driver) return fn();
  let gate = gates.get(driver);
  if (!gate) gates.set(driver, (gate = { tail: Promise.resolve() }));
  const run = () => holder.run(driver, fn);
  const result = gate.tail.then(run, run);
  gate.tail = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

const isSqlite = (manager: EntityManager) => manager.connection.driver.options.type === 'better-sqlite3';

let installed = false;

/** Installs the gate (once per process; it applies to better-sqlite3 data sources only). */
export function installSqliteGate(): void {
  if (installed) return;
  installed = true;
  const em = EntityManager.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  // Whole units of work at the root manager: the callback of a transaction, and save/remove,
  // which open their own transaction. A manager bound to a transaction (queryRunner set) is inside already.
  for (const method of ['transaction', 'save', 'remove', 'softRemove', 'recover'] as const) {
    const original = em[method]!;
    em[method] = function (this: EntityManager, ...args: unknown[]) {
      if (this.queryRunner || !isSqlite(this)) return original.apply(this, args);
      return through(this.connection.driver, () => original.apply(this, args));
    };
  }
  // Single statements (query builders, update, delete, count, find): each passes the gate alone.
  const runner = BetterSqlite3QueryRunner.prototype as unknown as { query: (...args: unknown[]) => Promise<unknown>; driver: object };
  const query = runner.query;
  runner.query = function (this: { driver: object }, ...args: unknown[]) {
    return through(this.driver, () => query.apply(this, args));
  };
}
