import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  DASHBOARD_FILTER_FIELDS,
  DashboardPatterns,
  OrganisationsPatterns,
  SavedViewPatterns,
  type CreateQuarterResult,
  type DashboardFacets,
  type DashboardQuarterIds,
  type OrganisationDto,
  type QuarterDashboard,
  type SavedViewChange,
  type SavedViewDto,
} from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { DataSource } from 'typeorm';
import { ActorsModule } from '../src/app.module';
import { fieldCodes, fieldProblem } from './problems';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-dashboard');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('dashboard aggregates and saved views on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['p-nrw', 'p-by'], organisationId: null };
  const nrwOnly = { ...admin, userId: 'test-nrw', email: 'nrw@test.example', role: 'operator', programmeIds: ['p-nrw'] };
  const operator2 = { ...nrwOnly, userId: 'test-operator-2', email: 'op2@test.example' };
  let partner: Omit<typeof admin, 'organisationId'> & { organisationId: string | null };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    for (const id of ['p-nrw', 'p-by']) {
      await send(ActorsPatterns.upsertProgramme, { actor: admin, id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    }
    const make = async (name: string, land: string, programmeId: string, municipality: string, kreis?: string) => {
      const r = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name, land, programmeId, municipality, kreis, housingCompany: `${municipality} eG` });
      ids[name] = r.quarter.id;
    };
    await make('A', 'Nordrhein-Westfalen', 'p-nrw', 'Dortmund', 'Dortmund');
    await make('B', 'Nordrhein-Westfalen', 'p-nrw', 'Dortmund', 'Dortmund');
    await make('C', 'Nordrhein-Westfalen', 'p-nrw', 'Unna', 'Kreis Unna');
    await make('D', 'Bayern', 'p-by', 'Fürth');
    await make('E', 'Bayern', 'p-by', 'Fürth');
    const project = (name: string, state: Record<string, unknown>) =>
      send(ActorsPatterns.projectProcessState, { quarterId: ids[name], version: 1, currentStep: null, ...state });
    // A: development/analysis, stalled and overdue; B: development/analysis, due in 10 days;
    // C: development/kickoff, paused, due in 45 days (not upcoming); D: implementation, overdue; E: never projected.
    await project('A', { phase: 'development', currentStep: 'analysis', stalled: true, stalledReason: 'Daten fehlen', stalledSince: at(-20), nextDue: at(-5), overdueSince: at(-5) });
    await project('B', { phase: 'development', currentStep: 'analysis', nextDue: at(10) });
    await project('C', { phase: 'development', currentStep: 'kickoff', paused: true, nextDue: at(45) });
    await project('D', { phase: 'implementation', currentStep: null, nextDue: at(-2), overdueSince: at(-2) });
    const org = await send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name: 'Büro Dortmund', type: 'facilitation', programmeId: 'p-nrw' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId: ids.B, organisationId: org.id, role: 'facilitator' });
    partner = { userId: 'test-partner', email: 'partner@test.example', role: 'partner', programmeIds: [], organisationId: org.id };
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('counts per phase, per step, stalled, overdue, paused and upcoming in one answer', async () => {
    const d = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: admin });
    expect(d.total).toBe(5);
    expect(d.byPhase).toEqual(
      expect.arrayContaining([
        { phase: 'development', count: 3 },
        { phase: 'implementation', count: 1 },
        { phase: null, count: 1 },
      ]),
    );
    expect(d.byPhase).toHaveLength(3);
    expect(d.byStep).toEqual(
      expect.arrayContaining([
        { phase: 'development', currentStep: 'analysis', count: 2 },
        { phase: 'development', currentStep: 'kickoff', count: 1 },
        { phase: 'implementation', currentStep: null, count: 1 },
      ]),
    );
    expect({ stalled: d.stalled, overdue: d.overdue, paused: d.paused }).toEqual({ stalled: 1, overdue: 2, paused: 1 });
    expect(d.upcoming.count).toBe(1);
    expect(d.upcoming.first).toEqual([expect.objectContaining({ id: ids.B, name: 'B', currentStep: 'analysis' })]);
    expect(Math.abs(new Date(d.upcoming.first[0]!.at!).getTime() - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
    expect(d.stalledList).toEqual([expect.objectContaining({ id: ids.A, reason: 'Daten fehlen', currentStep: 'analysis' })]);
    // Overdue longest first.
    expect(d.overdueList.map((l) => l.name)).toEqual(['A', 'D']);
  });

  it('applies the filter and the caller’s scope to every figure', async () => {
    const bayern = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: admin, filter: { land: 'Bayern' } });
    expect({ total: bayern.total, overdue: bayern.overdue, stalled: bayern.stalled }).toEqual({ total: 2, overdue: 1, stalled: 0 });
    const dortmund = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: admin, filter: { kreis: 'Dortmund', programmeId: 'p-nrw', land: '' } });
    expect(dortmund.total).toBe(2);
    // An operator of one programme sees only its quarters, whatever the filter says.
    const nrw = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: nrwOnly });
    expect(nrw.total).toBe(3);
    expect((await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: nrwOnly, filter: { programmeId: 'p-by' } })).total).toBe(0);
    // A partner sees the quarter their organisation is a member of, and nothing else.
    const own = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: partner });
    expect(own.total).toBe(1);
    expect(own.upcoming.first.map((l) => l.id)).toEqual([ids.B]);
    expect(own.overdueList).toEqual([]);
  });

  it('answers unknown or malformed filter fields with 400 and a code per field', async () => {
    const e = await rejection(DashboardPatterns.quarters, { actor: admin, filter: { stadt: 'Fürth', land: 3 } });
    expect(e).toMatchObject({ status: 400, code: 'dashboard.filter_invalid' });
    expect(fieldCodes(e)).toEqual({ stadt: 'dashboard.unknown_filter', land: 'validation.isString' });
    expect(fieldProblem(e, 'stadt')?.params).toEqual({ fields: DASHBOARD_FILTER_FIELDS.join(', ') });
    const notObject = await rejection(DashboardPatterns.quarters, { actor: admin, filter: 'Fürth' });
    expect(notObject).toMatchObject({ status: 400, code: 'dashboard.filter_invalid', errors: [{ field: 'filter', code: 'validation.isObject' }] });
  });

  it('names the quarter ids for the agreements figures only when they need restricting', async () => {
    await expect(send<DashboardQuarterIds>(DashboardPatterns.quarterIds, { actor: admin })).resolves.toEqual({ all: true, ids: [] });
    const bayern = await send<DashboardQuarterIds>(DashboardPatterns.quarterIds, { actor: admin, filter: { land: 'Bayern' } });
    expect(bayern.all).toBe(false);
    expect(bayern.ids.sort()).toEqual([ids.D, ids.E].sort());
    const nrw = await send<DashboardQuarterIds>(DashboardPatterns.quarterIds, { actor: nrwOnly });
    expect(nrw).toEqual({ all: false, ids: [ids.A, ids.B, ids.C].sort() });
    await expect(send<DashboardQuarterIds>(DashboardPatterns.quarterIds, { actor: partner })).resolves.toEqual({ all: false, ids: [ids.B] });
  });

  it('lists the distinct values of each filter field within scope', async () => {
    const all = await send<DashboardFacets>(DashboardPatterns.facets, { actor: admin });
    expect(all).toEqual({
      land: ['Bayern', 'Nordrhein-Westfalen'],
      kreis: ['Dortmund', 'Kreis Unna'],
      municipality: ['Dortmund', 'Fürth', 'Unna'],
      housingCompany: ['Dortmund eG', 'Fürth eG', 'Unna eG'],
      programmeId: ['p-by', 'p-nrw'],
    });
    const own = await send<DashboardFacets>(DashboardPatterns.facets, { actor: partner });
    expect(own.land).toEqual(['Nordrhein-Westfalen']);
    expect(own.programmeId).toEqual(['p-nrw']);
  });

  it('keeps saved views per role: listed to the same role, deleted only by their creator or the programme office', async () => {
    const created = await send<SavedViewChange>(SavedViewPatterns.create, {
      actor: nrwOnly,
      resource: 'quarters',
      name: '  Stockend   in NRW ',
      filter: { stalled: true, land: 'Nordrhein-Westfalen' },
      sort: { field: 'name', order: 'ASC' },
    });
    expect(created.programmeId).toBe('p-nrw');
    expect(created.view).toMatchObject({ resource: 'quarters', name: 'Stockend in NRW', role: 'operator', createdBy: 'test-nrw', filter: { stalled: true, land: 'Nordrhein-Westfalen' } });
    await send(SavedViewPatterns.create, { actor: nrwOnly, resource: 'audit-log', name: 'Heute', filter: {} });
    // The same role sees them, another role does not.
    expect((await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: operator2, resource: 'quarters' })).map((v) => v.name)).toEqual(['Stockend in NRW']);
    expect(await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: operator2 })).toHaveLength(2);
    expect(await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: admin, resource: 'quarters' })).toEqual([]);
    // Another operator may not delete it; another role does not even find it; the programme office may.
    await expect(rejection(SavedViewPatterns.remove, { actor: operator2, id: created.view.id })).resolves.toMatchObject({ status: 403, code: 'saved_view.delete_forbidden' });
    await expect(rejection(SavedViewPatterns.remove, { actor: partner, id: created.view.id })).resolves.toMatchObject({
      status: 404,
      code: 'saved_view.not_found',
      params: { id: created.view.id },
    });
    const removed = await send<SavedViewChange>(SavedViewPatterns.remove, { actor: admin, id: created.view.id });
    expect(removed.view.id).toBe(created.view.id);
    expect(await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: operator2, resource: 'quarters' })).toEqual([]);
    // The creator deletes their own; a partner's view is filed under their organisation's programme.
    const mine = await send<SavedViewChange>(SavedViewPatterns.create, { actor: partner, resource: 'quarters', name: 'Meine', filter: {} });
    expect(mine.programmeId).toBe('p-nrw');
    await expect(send<SavedViewChange>(SavedViewPatterns.remove, { actor: partner, id: mine.view.id })).resolves.toMatchObject({ view: { name: 'Meine' } });
  });

  it("keeps a person's view names unique per list (case and spacing do not count), and lists their own", async () => {
    const first = await send<SavedViewChange>(SavedViewPatterns.create, { actor: operator2, resource: 'people', name: 'Ansprechpersonen Dortmund', filter: { q: 'Dortmund' } });
    // The same name again, differently spelt: refused with 409 and the name; nothing is added.
    const taken = await rejection(SavedViewPatterns.create, { actor: operator2, resource: 'people', name: '  ansprechpersonen   DORTMUND ', filter: {} });
    expect(taken).toMatchObject({ status: 409, code: 'saved_view.name_taken', params: { name: 'ansprechpersonen DORTMUND' } });
    const umlaut = await send<SavedViewChange>(SavedViewPatterns.create, { actor: operator2, resource: 'people', name: 'Übersicht', filter: {} });
    await expect(rejection(SavedViewPatterns.create, { actor: operator2, resource: 'people', name: 'übersicht', filter: {} })).resolves.toMatchObject({ status: 409, code: 'saved_view.name_taken' });
    // Another list of the same person, and another person of the same role, may use the name.
    const otherList = await send<SavedViewChange>(SavedViewPatterns.create, { actor: operator2, resource: 'organisations', name: 'Ansprechpersonen Dortmund', filter: {} });
    const colleague = await send<SavedViewChange>(SavedViewPatterns.create, { actor: nrwOnly, resource: 'people', name: 'Ansprechpersonen Dortmund', filter: {} });
    // Sorted here: views of one name are listed by creation, which may fall in the same second.
    const names = (views: SavedViewDto[]) => views.map((v) => `${v.resource}:${v.name}:${v.createdBy}`).sort();
    expect(names(await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: operator2, resource: 'people' }))).toEqual([
      'people:Ansprechpersonen Dortmund:test-nrw',
      'people:Ansprechpersonen Dortmund:test-operator-2',
      'people:Übersicht:test-operator-2',
    ]);
    // "Meine Ansichten": only the caller's own, of every list.
    expect(names(await send<SavedViewDto[]>(SavedViewPatterns.list, { actor: operator2, mine: true }))).toEqual([
      'organisations:Ansprechpersonen Dortmund:test-operator-2',
      'people:Ansprechpersonen Dortmund:test-operator-2',
      'people:Übersicht:test-operator-2',
    ]);
    expect(fieldCodes(await rejection(SavedViewPatterns.list, { actor: operator2, mine: 'yes' }))).toEqual({ mine: 'validation.isBoolean' });
    // Deleted, the name is free again.
    await send(SavedViewPatterns.remove, { actor: operator2, id: first.view.id });
    const again = await send<SavedViewChange>(SavedViewPatterns.create, { actor: operator2, resource: 'people', name: 'Ansprechpersonen Dortmund', filter: {} });
    for (const v of [again, umlaut, otherList]) await send(SavedViewPatterns.remove, { actor: operator2, id: v.view.id });
    await send(SavedViewPatterns.remove, { actor: nrwOnly, id: colleague.view.id });
  });

  it('answers an invalid view with 400 and a code per field', async () => {
    const e = await rejection(SavedViewPatterns.create, { actor: admin, resource: 'Quartiere!', name: '   ', filter: 'stalled' });
    expect(e).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(e)).toEqual({ resource: 'validation.matches', name: 'validation.matches', filter: 'validation.isObject' });
    const list = await rejection(SavedViewPatterns.list, { actor: admin, resource: 3 });
    expect(fieldCodes(list)).toEqual({ resource: 'validation.isString' });
  });

  it('keeps the counters equal to the quarters they count, whoever changes a row', async () => {
    const db = service.app.get(DataSource);
    // Both sides as sorted lines "programme|phase|step|quarters|stalled|paused|overdue", groups with quarters only.
    const lines = (rows: Array<Record<string, unknown>>) =>
      rows.map((r) => [r.programmeId, r.phase, r.currentStep, r.quarters, r.stalled, r.paused, r.overdue].map((v) => String(Number.isNaN(Number(v)) || v === '' ? v : Number(v))).join('|')).sort();
    const counters = async () => lines(await db.query(`SELECT "programmeId", "phase", "currentStep", "quarters", "stalled", "paused", "overdue" FROM "quarter_counts" WHERE "quarters" <> 0`));
    const fromRows = async () =>
      lines(
        await db.query(
          `SELECT "programmeId", COALESCE("phase", '') AS "phase", COALESCE("currentStep", '') AS "currentStep", COUNT(*) AS "quarters", ` +
            `SUM(CASE WHEN "stalled" THEN 1 ELSE 0 END) AS "stalled", SUM(CASE WHEN "paused" THEN 1 ELSE 0 END) AS "paused", ` +
            `SUM(CASE WHEN "overdueSince" IS NULL THEN 0 ELSE 1 END) AS "overdue" FROM "quarters" GROUP BY "programmeId", COALESCE("phase", ''), COALESCE("currentStep", '')`,
        ),
      );
    expect(await counters()).toEqual(await fromRows());
    expect((await counters()).length).toBeGreaterThan(0);

    // Registration, projections forward and back, a flag set and cleared, a stale version, a deletion.
    const created = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name: 'F', land: 'Bayern', programmeId: 'p-by', municipality: 'Erlangen', housingCompany: 'Erlangen eG' });
    const f = created.quarter.id;
    const project = (version: number, state: Record<string, unknown>) => send(ActorsPatterns.projectProcessState, { quarterId: f, version, currentStep: null, ...state });
    await project(1, { phase: 'development', currentStep: 'analysis', stalled: true, stalledReason: 'x', stalledSince: at(-1), nextDue: at(-1), overdueSince: at(-1) });
    expect(await counters()).toEqual(await fromRows());
    await project(2, { phase: 'development', currentStep: 'kickoff', paused: true, nextDue: at(3) });
    await project(1, { phase: 'implementation', stalled: true }); // older version: no change anywhere
    expect(await counters()).toEqual(await fromRows());
    await project(3, { phase: 'implementation', nextDue: at(-3), overdueSince: at(-3) });
    const before = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: admin });
    expect(await counters()).toEqual(await fromRows());
    await db.query(`DELETE FROM "quarters" WHERE "id" = ${db.options.type === 'postgres' ? '$1' : '?'}`, [f]);
    expect(await counters()).toEqual(await fromRows());
    const after = await send<QuarterDashboard>(DashboardPatterns.quarters, { actor: admin });
    expect(after.total).toBe(before.total - 1);
    expect(after.overdue).toBe(before.overdue - 1);
    // The counters' answer is the rows' answer: every step's count as a GROUP BY over the quarters counts it.
    const steps = (await db.query(`SELECT "phase", "currentStep", COUNT(*) AS "count" FROM "quarters" GROUP BY "phase", "currentStep"`)) as Array<{ phase: string | null; currentStep: string | null; count: unknown }>;
    expect([...after.byStep].sort((a, b) => `${a.phase}/${a.currentStep}`.localeCompare(`${b.phase}/${b.currentStep}`))).toEqual(
      steps.map((r) => ({ phase: r.phase, currentStep: r.currentStep, count: Number(r.count) })).sort((a, b) => `${a.phase}/${a.currentStep}`.localeCompare(`${b.phase}/${b.currentStep}`)),
    );
  });
});
