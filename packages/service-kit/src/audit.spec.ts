import { defer, lastValueFrom, of } from 'rxjs';
import { DataSource } from 'typeorm';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { AuditContext, AuditRecordCommand } from '@genq/contracts';
import { AuditContextInterceptor, currentAuditContext, recordAudit, runWithAuditContext, takeAuditContext } from './audit';
import { dataSourceOptions } from './database';
import { OutboxEventRow, eventEntities } from './events/entities';
import { EventOutbox1766000000000 } from './events/migration';
import { OutboxTraceContext1766900000000 } from './events/migration-trace';

const Q = '00000000-0000-4000-8000-000000000001';
const context: AuditContext = {
  actor: { userId: 'u-1', email: 'admin@genq.example', role: 'programme_admin' },
  requestId: 'req-1',
  programmeId: 'genq-nrw-2026',
  quarterId: Q,
  programmeIds: ['genq-nrw-2026'],
};

describe('the audit context of a command', () => {
  it('is taken off the payload before validation (a DTO never sees _meta) and kept for the handler', async () => {
    const payload: Record<string, unknown> = { quarterId: Q, title: 'Ziel', _meta: context };
    const rpc = { getType: () => 'rpc', switchToRpc: () => ({ getData: () => payload }) } as unknown as ExecutionContext;
    let seen: AuditContext | undefined;
    // Nest calls the handler when the interceptor's observable is subscribed: deferred, like this.
    const next: CallHandler = {
      handle: () =>
        defer(() => {
          seen = currentAuditContext();
          return of('answer');
        }),
    };
    await expect(lastValueFrom(new AuditContextInterceptor().intercept(rpc, next))).resolves.toBe('answer');
    expect(payload).toEqual({ quarterId: Q, title: 'Ziel' });
    expect(seen).toEqual(context);
    expect(currentAuditContext()).toBeUndefined();
  });

  it('drops a malformed _meta instead of trusting it, and leaves other payloads alone', () => {
    const bad: Record<string, unknown> = { a: 1, _meta: { actor: 'root' } };
    expect(takeAuditContext(bad)).toBeUndefined();
    expect(bad).toEqual({ a: 1 });
    expect(takeAuditContext('a quarter id')).toBeUndefined();
    expect(takeAuditContext([{ _meta: context }])).toBeUndefined();
  });
});

describe('recordAudit', () => {
  let db: DataSource;
  beforeEach(async () => {
    db = new DataSource({ ...dataSourceOptions({ type: 'sqlite', path: ':memory:' }, eventEntities, [EventOutbox1766000000000, OutboxTraceContext1766900000000]) });
    await db.initialize();
  });
  afterEach(async () => {
    await db.destroy();
  });
  const recorded = async () => (await db.getRepository(OutboxEventRow).find({ order: { seq: 'ASC' } })).map((r) => ({ type: r.type, source: r.source, quarterId: r.quarterId, payload: r.payload as AuditRecordCommand }));

  it('records the entry with the change: committed together, rolled back together', async () => {
    await runWithAuditContext(context, () =>
      db.transaction((em) => recordAudit(em, 'agreements', { action: 'goal.create', resourceType: 'goal', resourceId: 'g-1', before: null, after: { at: new Date('2026-01-02T00:00:00Z') } })),
    );
    await expect(
      runWithAuditContext(context, () =>
        db.transaction(async (em) => {
          await recordAudit(em, 'agreements', { action: 'goal.create', resourceType: 'goal', resourceId: 'g-2' });
          throw new Error('the change failed after its entry was recorded');
        }),
      ),
    ).rejects.toThrow('the change failed');
    expect(await recorded()).toEqual([
      {
        type: 'audit.recorded',
        source: 'agreements',
        quarterId: Q,
        payload: {
          actor: context.actor,
          action: 'goal.create',
          resourceType: 'goal',
          resourceId: 'g-1',
          // The policy's programme and quarter are the defaults.
          programmeId: 'genq-nrw-2026',
          quarterId: Q,
          reason: null,
          before: null,
          after: { at: '2026-01-02T00:00:00.000Z' },
          requestId: 'req-1',
        },
      },
    ]);
  });

  it('names the platform without an audit context, and files an entry about no quarter under none', async () => {
    await db.transaction((em) => recordAudit(em, 'analysis', { action: 'catalogue.create', resourceType: 'catalogue_version', resourceId: 'c@1', programmeId: 'p', quarterId: null }));
    expect(await recorded()).toEqual([
      expect.objectContaining({ quarterId: '', payload: expect.objectContaining({ actor: { userId: null, email: null, role: 'system' }, requestId: null, programmeId: 'p', quarterId: null }) }),
    ]);
  });

  it('keeps a huge snapshot out of the event', async () => {
    await db.transaction((em) => recordAudit(em, 'analysis', { action: 'x.y', resourceType: 'x', resourceId: null, after: { text: 'a'.repeat(100_000) } }));
    expect((await recorded())[0]!.payload.after).toEqual({ truncated: true, chars: expect.any(Number) });
  });
});
