import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dataSourceOptions } from './database';

@Entity({ name: 'counters' })
class Counter {
  @PrimaryColumn('varchar', { length: 20 })
  id!: string;

  @Column('integer')
  value!: number;
}

/**
 * Many requests writing at once on the embedded database (one connection): without the gate
 * they end up inside one another's transaction ("cannot start a transaction within a
 * transaction", or a plain update rolled back with someone else's failure).
 */
describe('the SQLite gate', () => {
  let dir: string;
  let db: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genq-gate-'));
    db = new DataSource({ ...dataSourceOptions({ type: 'sqlite', path: join(dir, 'gate.sqlite') }, [Counter], []), synchronize: true });
    await db.initialize();
    await db.getRepository(Counter).save([{ id: 'a', value: 0 }, { id: 'b', value: 0 }]);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const pause = () => new Promise((r) => setTimeout(r, Math.random() * 3));

  it('runs concurrent transactions one after the other, each reading and writing its own state', async () => {
    const increment = () =>
      db.transaction(async (em) => {
        const c = await em.getRepository(Counter).findOneByOrFail({ id: 'a' });
        await pause(); // another request would slip in here
        await em.getRepository(Counter).update({ id: 'a' }, { value: c.value + 1 });
        // a nested transaction on the transaction's manager is a savepoint, not a wait
        await em.transaction(async (inner) => inner.getRepository(Counter).update({ id: 'b' }, { value: () => 'value + 1' }));
      });
    // Saves that open their own transaction, and single statements, at the same time.
    const saves = Array.from({ length: 10 }, (_, i) => db.getRepository(Counter).save({ id: `s${i}`, value: i }));
    await Promise.all([...Array.from({ length: 30 }, increment), ...saves, db.getRepository(Counter).count()]);
    expect((await db.getRepository(Counter).findOneByOrFail({ id: 'a' })).value).toBe(30);
    expect((await db.getRepository(Counter).findOneByOrFail({ id: 'b' })).value).toBe(30);
    expect(await db.getRepository(Counter).count()).toBe(12);
  });

  it('keeps a statement of one request out of the transaction another request rolls back', async () => {
    const failing = db
      .transaction(async (em) => {
        await em.getRepository(Counter).update({ id: 'a' }, { value: -1 });
        await pause();
        throw new Error('refused');
      })
      .catch((e: Error) => e.message);
    const independent = (async () => {
      await pause();
      await db.getRepository(Counter).update({ id: 'b' }, { value: 100 });
    })();
    await expect(failing).resolves.toBe('refused');
    await independent;
    expect((await db.getRepository(Counter).findOneByOrFail({ id: 'a' })).value).toBe(30);
    expect((await db.getRepository(Counter).findOneByOrFail({ id: 'b' })).value).toBe(100);
  });
});
