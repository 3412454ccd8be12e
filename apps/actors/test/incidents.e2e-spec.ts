import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  AuditPatterns,
  IncidentsPatterns,
  type AuditEntryDto,
  type CreateQuarterResult,
  type IncidentCounts,
  type IncidentDto,
  type IncidentObservation,
  type IncidentScanResult,
  type Page,
} from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-incidents');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('the incident list on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['p-a', 'p-b'], organisationId: null };
  const operatorA = { ...admin, userId: 'test-op-a', email: 'op-a@test.example', role: 'operator', programmeIds: ['p-a'] };
  const partner = { ...admin, userId: 'test-partner', role: 'partner', programmeIds: [], organisationId: 'o-1' };
  const quarters: Record<string, string> = {};

  const observation = (quarter: 'A' | 'B' | null, over: Partial<IncidentObservation> = {}): IncidentObservation => {
    const workflowId = quarter ? `quarter-${quarters[quarter]}` : 'batch-1';
    return {
      key: `${workflowId}/run-1/activity/1`,
      kind: 'activity',
      workflowId,
      runId: 'run-1',
      workflowType: quarter ? 'quarterLifecycleWorkflow' : 'batchInterventionWorkflow',
      quarterId: quarter ? quarters[quarter]! : null,
      programmeId: quarter ? (quarter === 'A' ? 'p-a' : 'p-b') : null,
      activityId: '1',
      activityType: 'projectProcessState',
      attempts: 4,
      errorType: 'Error',
      message: 'no responders',
      since: '2026-12-01T10:00:00.000Z',
      lastFailureAt: '2026-12-01T10:00:30.000Z',
      nextRetryAt: '2026-12-01T10:01:00.000Z',
      paused: false,
      ...over,
    };
  };
  const report = (scannedAt: string, observations: IncidentObservation[], notifyAfterMs = 3_600_000) =>
    send<IncidentScanResult>(IncidentsPatterns.report, { scannedAt, workflows: 3, observations, notifyAfterMs });

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    for (const id of ['p-a', 'p-b']) {
      await send(ActorsPatterns.upsertProgramme, { actor: admin, id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    }
    for (const [name, programmeId] of [['A', 'p-a'], ['B', 'p-b']] as const) {
      const r = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name, land: 'Bayern', programmeId, municipality: 'Fürth', housingCompany: 'eG' });
      quarters[name] = r.quarter.id;
    }
  }, 120_000);
  afterAll(async () => {
    await service?.close();
  });

  it('opens, updates and resolves incidents from complete scans, scoped by programme', async () => {
    const first = await report('2026-12-01T10:01:00.000Z', [observation('A'), observation('B'), observation(null)]);
    expect(first).toMatchObject({ opened: 3, updated: 0, resolved: 0, notify: [] });

    const mine = await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: operatorA, filter: { status: 'open' } });
    expect(mine.data.map((i) => i.workflowId).sort()).toEqual(['batch-1', `quarter-${quarters.A}`].sort());
    expect(await send<IncidentCounts>(IncidentsPatterns.counts, { actor: admin })).toEqual({ open: 3, byKind: { activity: 3, workflow_task: 0, workflow_closed: 0 }, notified: 0 });
    expect((await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: partner })).total).toBe(0);
    const b = (await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, filter: { quarterId: quarters.B } })).data[0]!;
    await expect(service.refusal(IncidentsPatterns.get, { actor: operatorA, id: b.id })).resolves.toMatchObject({ status: 404, code: 'incident.not_found' });

    // The next scan: A fails on (one more attempt), B and the batch cleared; an operator repaired B before.
    await send(IncidentsPatterns.recordRepair, {
      incidentId: b.id,
      note: { action: 'retry', at: '2026-12-01T10:01:30.000Z', byUserId: admin.userId, byEmail: admin.email, reason: 'actors is back', outcome: 'applied', reasonCode: null },
      actor: { userId: admin.userId, email: admin.email, role: admin.role },
      requestId: 'req-1',
      key: 'repair-1:b',
    });
    const second = await report('2026-12-01T10:02:00.000Z', [observation('A', { attempts: 5, since: '2026-12-01T10:00:10.000Z' })]);
    expect(second).toMatchObject({ opened: 0, updated: 1, resolved: 2 });
    const all = await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, sort: { field: 'workflowId', order: 'ASC' } }).catch(() => null);
    expect(all).toBeNull(); // workflowId is not sortable: the list refuses it like every list
    const resolved = await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, filter: { status: 'resolved' } });
    const byWorkflow = Object.fromEntries(resolved.data.map((i) => [i.workflowId, i]));
    expect(byWorkflow[`quarter-${quarters.B}`]).toMatchObject({ resolution: 'repaired', resolvedBy: admin.userId, resolvedAt: '2026-12-01T10:02:00.000Z' });
    expect(byWorkflow['batch-1']).toMatchObject({ resolution: 'cleared', resolvedBy: null });
    const a = (await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, filter: { status: 'open' } })).data;
    expect(a).toHaveLength(1);
    // The earliest failure stays its start; the attempts are the latest.
    expect(a[0]).toMatchObject({ attempts: 5, since: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:02:00.000Z' });

    // The repair is in the audit log once, however often the activity sent it.
    await send(IncidentsPatterns.recordRepair, {
      incidentId: b.id,
      note: { action: 'retry', at: '2026-12-01T10:01:30.000Z', byUserId: admin.userId, byEmail: admin.email, reason: 'actors is back', outcome: 'applied', reasonCode: null },
      actor: { userId: admin.userId, email: admin.email, role: admin.role },
      requestId: 'req-1',
      key: 'repair-1:b',
    });
    const audit = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: admin, filter: { action: 'incident.retry' } });
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ resourceType: 'incident', resourceId: b.id, quarterId: quarters.B, reason: 'actors is back' });
  });

  it('hands incidents open longer than the threshold over for a notice, once', async () => {
    const result = await report('2026-12-01T11:00:00.000Z', [observation('A', { attempts: 9 })], 30 * 60_000);
    expect(result.notify.map((i) => i.workflowId)).toEqual([`quarter-${quarters.A}`]);
    await send(IncidentsPatterns.markNotified, result.notify[0]!.id);
    const again = await report('2026-12-01T11:01:00.000Z', [observation('A', { attempts: 10 })], 30 * 60_000);
    expect(again.notify).toEqual([]);
    expect(await send<IncidentCounts>(IncidentsPatterns.counts, { actor: admin })).toMatchObject({ open: 1, notified: 1 });
  });

  it('counts a repair whose note arrives after the scan that resolved its incident', async () => {
    await report('2026-12-01T12:00:00.000Z', [observation('B', { key: 'late-note' })]);
    const open = (await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, filter: { status: 'open', quarterId: quarters.B } })).data[0]!;
    await report('2026-12-01T12:00:05.000Z', [observation('A', { attempts: 11 })]);
    const repaired = await send<IncidentDto>(IncidentsPatterns.recordRepair, {
      incidentId: open.id,
      note: { action: 'retry', at: '2026-12-01T12:00:02.000Z', byUserId: admin.userId, byEmail: admin.email, reason: 'retry', outcome: 'applied', reasonCode: null },
      actor: { userId: admin.userId, email: admin.email, role: admin.role },
      requestId: null,
      key: 'repair-2:b',
    });
    expect(repaired).toMatchObject({ status: 'resolved', resolution: 'repaired', resolvedBy: admin.userId });
  });

  it('gives a batch repair the open incidents a filter matches', async () => {
    const matched = await send<IncidentDto[]>(IncidentsPatterns.matching, { actor: admin, filter: { activityType: 'projectProcessState' } });
    expect(matched.map((i) => i.quarterId)).toEqual([quarters.A]);
    expect(await send<IncidentDto[]>(IncidentsPatterns.matching, { actor: operatorA, filter: { quarterId: quarters.B } })).toEqual([]);
  });

  it("files the audit entry of a repair on a batch's incident (no programme) under each programme of the operator", async () => {
    await report('2026-12-01T13:00:00.000Z', [observation('A', { attempts: 12 }), observation(null, { key: 'batch-2/run-1/activity/1', workflowId: 'batch-2', activityType: 'recordAudit' })]);
    const batch = (await send<Page<IncidentDto>>(IncidentsPatterns.list, { actor: admin, filter: { status: 'open', workflowId: 'batch-2' } })).data[0]!;
    await send(IncidentsPatterns.recordRepair, {
      incidentId: batch.id,
      note: { action: 'cancel', at: '2026-12-01T13:00:10.000Z', byUserId: admin.userId, byEmail: admin.email, reason: 'batch stuck', outcome: 'applied', reasonCode: null },
      actor: { userId: admin.userId, email: admin.email, role: admin.role },
      requestId: 'req-3',
      key: 'repair-3:batch',
      programmeIds: ['p-a', 'p-b'],
    });
    const entries = async (actor: typeof admin) =>
      (await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor, filter: { action: 'incident.cancel', resourceId: batch.id } })).data.map((e) => [e.programmeId, e.reason]).sort();
    expect(await entries(admin)).toEqual([
      ['p-a', 'batch stuck'],
      ['p-b', 'batch stuck'],
    ]);
    // An operator of one programme sees the entry filed under it.
    expect(await entries(operatorA)).toEqual([['p-a', 'batch stuck']]);
  });
});
