import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  OrganisationsPatterns,
  ParticipationPatterns,
  boundaryProblem,
  type CreateQuarterResult,
  type OrganisationDto,
  type Page,
  type ParticipationEventDto,
  type QuarterDto,
} from '@genq/contracts';
import { DataSource } from 'typeorm';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

const square = (lon: number, lat: number, d = 0.01) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];

describe('boundaryProblem (GeoJSON of a quarter boundary)', () => {
  it('accepts a closed Polygon and a MultiPolygon', () => {
    expect(boundaryProblem({ type: 'Polygon', coordinates: square(7.5, 51.5) })).toBeNull();
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [square(7.5, 51.5), square(7.6, 51.6)] })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(boundaryProblem({ type: 'Point', coordinates: [7, 51] })).toBe('boundary.type must be Polygon or MultiPolygon');
    expect(boundaryProblem([1, 2])).toMatch(/must be a GeoJSON/);
    const open = square(7.5, 51.5);
    open[0]![4] = [7.6, 51.6];
    expect(boundaryProblem({ type: 'Polygon', coordinates: open })).toMatch(/must be closed/);
    expect(boundaryProblem({ type: 'Polygon', coordinates: [[[7, 51], [8, 51], [7, 51]]] })).toMatch(/at least 4 positions/);
    expect(boundaryProblem({ type: 'Polygon', coordinates: square(200, 51) })).toMatch(/outside longitude/);
    expect(boundaryProblem({ type: 'Polygon', coordinates: [[[7, 'x'], [8, 51], [8, 52], [7, 51]]] })).toMatch(/must be a position/);
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [] })).toMatch(/non-empty array of polygons/);
  });
});

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-participation');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('participation events and quarter details on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'], organisationId: null };
  const viewer = { ...admin, userId: 'test-viewer', email: 'viewer@test.example', role: 'viewer' };
  let quarterId: string;
  let otherQuarterId: string;
  let partner: Omit<typeof admin, 'organisationId'> & { organisationId: string | null };

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    await send(ActorsPatterns.upsertProgramme, { actor: admin, id: 'genq-nrw-2026', name: 'GenQ NRW 2026', catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    const base = { actor: admin, municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: 'genq-nrw-2026' };
    quarterId = (await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { ...base, name: 'Scharnhorst Ost' })).quarter.id;
    otherQuarterId = (await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { ...base, name: 'Hörde' })).quarter.id;
    const org = await send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name: 'Quartiersbüro Ost', type: 'facilitation', programmeId: 'genq-nrw-2026' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId, organisationId: org.id, role: 'facilitator' });
    partner = { userId: 'test-partner', email: 'partner@test.example', role: 'partner', programmeIds: [], organisationId: org.id };
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('records a participation event with participants per age group and lists newest first', async () => {
    const first = await send<ParticipationEventDto>(ParticipationPatterns.create, {
      actor: admin,
      quarterId,
      type: 'workshop',
      date: '2026-03-14',
      participants: { '6-17': 4, '18-64': 20, '80+': 2 },
      outcome: '  Treffpunkt für Ältere gewünscht ',
    });
    expect(first).toMatchObject({
      quarterId,
      type: 'workshop',
      date: '2026-03-14',
      participants: { '0-5': 0, '6-17': 4, '18-64': 20, '65-79': 0, '80+': 2 },
      participantsTotal: 26,
      outcome: 'Treffpunkt für Ältere gewünscht',
    });
    // A partner of the quarter records one too.
    await send<ParticipationEventDto>(ParticipationPatterns.create, { actor: partner, quarterId, type: 'quarter_walk', date: '2026-05-02' });
    const page = await send<Page<ParticipationEventDto>>(ParticipationPatterns.list, { actor: viewer, id: quarterId });
    expect(page.total).toBe(2);
    expect(page.data.map((e) => e.type)).toEqual(['quarter_walk', 'workshop']);
    // Each recording states the quarter's complete figures in the outbox, for the analysis service to count.
    const facts = await service.app.get(DataSource).getRepository(OutboxEventRow).find({ where: { quarterId, type: 'participation.figures_changed' }, order: { seq: 'ASC' } });
    expect(facts.filter((f) => f.id.includes(':event:'))).toHaveLength(2); // (the set-up's membership stated its own)
    expect(facts.at(-1)!.payload).toMatchObject({ programmeId: expect.any(String), catalogueVersionId: expect.stringMatching(/@/), years: [{ year: 2026, events: 2, participants: 26 }] });
  });

  it('answers invalid events with 400 and a message per field', async () => {
    const e = await rejection(ParticipationPatterns.create, {
      actor: admin,
      quarterId,
      type: 'party',
      date: '14.03.2026',
      participants: { '18-64': -1, '65-79': 1.5 },
    });
    expect(e.status).toBe(400);
    expect(Object.keys(e.errors ?? {}).sort()).toEqual(expect.arrayContaining(['date', 'type']));
    expect(JSON.stringify(e.errors)).toMatch(/participants\.18-64 must not be negative/);
    expect(JSON.stringify(e.errors)).toMatch(/participants\.65-79 must be a whole number/);
    const impossible = await rejection(ParticipationPatterns.create, { actor: admin, quarterId, type: 'survey', date: '2026-02-30' });
    expect(impossible).toMatchObject({ status: 400, errors: { date: 'date must be a date YYYY-MM-DD' } });
  });

  it('lets only writers record events, and only in their quarters', async () => {
    await expect(rejection(ParticipationPatterns.create, { actor: viewer, quarterId, type: 'survey', date: '2026-01-01' })).resolves.toMatchObject({ status: 403 });
    await expect(rejection(ParticipationPatterns.create, { actor: partner, quarterId: otherQuarterId, type: 'survey', date: '2026-01-01' })).resolves.toMatchObject({
      status: 404,
    });
    await expect(rejection(ParticipationPatterns.list, { actor: partner, id: otherQuarterId })).resolves.toMatchObject({ status: 404 });
  });

  it('updates size figures and boundary, returning before and after; null clears, absent keeps', async () => {
    const boundary = { type: 'Polygon', coordinates: square(7.52, 51.53) };
    const r = await send<{ before: QuarterDto; after: QuarterDto }>(ParticipationPatterns.updateQuarterDetails, {
      actor: admin,
      quarterId,
      flats: 1850,
      residents: 4200,
      areaHa: 38.25,
      boundary,
    });
    expect(r.before).toMatchObject({ flats: null, residents: null, areaHa: null, boundary: null });
    expect(r.after).toMatchObject({ flats: 1850, residents: 4200, areaHa: 38.25, boundary });
    const again = await send<{ before: QuarterDto; after: QuarterDto }>(ParticipationPatterns.updateQuarterDetails, { actor: partner, quarterId, residents: 4300, boundary: null });
    expect(again.after).toMatchObject({ flats: 1850, residents: 4300, areaHa: 38.25, boundary: null });
    await expect(send<QuarterDto>(ActorsPatterns.getQuarter, quarterId)).resolves.toMatchObject({ residents: 4300 });
  });

  it('refuses invalid GeoJSON and figures with 400, viewers with 403, other quarters with 404', async () => {
    const bad = await rejection(ParticipationPatterns.updateQuarterDetails, { actor: admin, quarterId, boundary: { type: 'LineString', coordinates: [[7, 51], [8, 52]] } });
    expect(bad).toMatchObject({ status: 400, errors: { boundary: 'boundary.type must be Polygon or MultiPolygon' } });
    const figures = await rejection(ParticipationPatterns.updateQuarterDetails, { actor: admin, quarterId, flats: -3, areaHa: 'viel' });
    expect(figures.status).toBe(400);
    expect(Object.keys(figures.errors ?? {}).sort()).toEqual(['areaHa', 'flats']);
    await expect(rejection(ParticipationPatterns.updateQuarterDetails, { actor: viewer, quarterId, flats: 1 })).resolves.toMatchObject({ status: 403 });
    await expect(rejection(ParticipationPatterns.updateQuarterDetails, { actor: partner, quarterId: otherQuarterId, flats: 1 })).resolves.toMatchObject({ status: 404 });
  });
});
