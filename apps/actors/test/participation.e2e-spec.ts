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
import { fieldCodes, fieldProblem } from './problems';

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

  it('names what is wrong: the bad part by its path, and a code', () => {
    expect(boundaryProblem({ type: 'Point', coordinates: [7, 51] })).toEqual({ field: 'boundary.type', code: 'boundary.unknown_type' });
    expect(boundaryProblem([1, 2])).toEqual({ field: 'boundary', code: 'boundary.not_geojson' });
    const open = square(7.5, 51.5);
    open[0]![4] = [7.6, 51.6];
    expect(boundaryProblem({ type: 'Polygon', coordinates: open })).toEqual({ field: 'boundary.coordinates.0', code: 'boundary.ring_not_closed' });
    expect(boundaryProblem({ type: 'Polygon', coordinates: [[[7, 51], [8, 51], [7, 51]]] })).toEqual({
      field: 'boundary.coordinates.0',
      code: 'boundary.ring_too_short',
      params: { min: 4 },
    });
    expect(boundaryProblem({ type: 'Polygon', coordinates: square(200, 51) })).toEqual({ field: 'boundary.coordinates.0.0', code: 'boundary.position_outside' });
    expect(boundaryProblem({ type: 'Polygon', coordinates: [[[7, 'x'], [8, 51], [8, 52], [7, 51]]] })).toEqual({ field: 'boundary.coordinates.0.0', code: 'boundary.position_invalid' });
    expect(boundaryProblem({ type: 'Polygon', coordinates: [] })).toEqual({ field: 'boundary.coordinates', code: 'boundary.rings_empty' });
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [] })).toEqual({ field: 'boundary.coordinates', code: 'boundary.polygons_empty' });
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [square(7.5, 51.5), [[[7, 51]]]] })).toEqual({
      field: 'boundary.coordinates.1.0',
      code: 'boundary.ring_too_short',
      params: { min: 4 },
    });
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

  it('answers invalid events with 400 and a code per field', async () => {
    const e = await rejection(ParticipationPatterns.create, {
      actor: admin,
      quarterId,
      type: 'party',
      date: '14.03.2026',
      participants: { '18-64': -1, '65-79': 1.5 },
    });
    expect(e).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(e)).toMatchObject({ type: 'validation.isIn', 'participants.18-64': 'validation.min', 'participants.65-79': 'validation.isInt' });
    expect(fieldCodes(e)).toHaveProperty('date');
    expect(fieldProblem(e, 'participants.18-64')?.params).toEqual({ min: 0 });
    const impossible = await rejection(ParticipationPatterns.create, { actor: admin, quarterId, type: 'survey', date: '2026-02-30' });
    expect(impossible).toMatchObject({ status: 400, errors: [{ field: 'date', code: 'validation.isDateString' }] });
  });

  it('lets only writers record events, and only in their quarters', async () => {
    await expect(rejection(ParticipationPatterns.create, { actor: viewer, quarterId, type: 'survey', date: '2026-01-01' })).resolves.toMatchObject({
      status: 403,
      code: 'role.not_allowed',
      params: { role: 'viewer' },
    });
    await expect(rejection(ParticipationPatterns.create, { actor: partner, quarterId: otherQuarterId, type: 'survey', date: '2026-01-01' })).resolves.toMatchObject({
      status: 404,
      code: 'quarter.not_found',
      params: { id: otherQuarterId },
    });
    await expect(rejection(ParticipationPatterns.list, { actor: partner, id: otherQuarterId })).resolves.toMatchObject({ status: 404, code: 'quarter.not_found' });
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
    expect(bad).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'boundary.type', code: 'boundary.unknown_type' }] });
    const open = await rejection(ParticipationPatterns.updateQuarterDetails, { actor: admin, quarterId, boundary: { type: 'Polygon', coordinates: [[[7, 51], [8, 51], [8, 52], [7, 52]]] } });
    expect(open).toMatchObject({ status: 400, errors: [{ field: 'boundary.coordinates.0', code: 'boundary.ring_not_closed' }] });
    const figures = await rejection(ParticipationPatterns.updateQuarterDetails, { actor: admin, quarterId, flats: -3, areaHa: 'viel' });
    expect(figures).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(Object.keys(fieldCodes(figures)).sort()).toEqual(['areaHa', 'flats']);
    expect(fieldCodes(figures).flats).toBe('validation.min');
    await expect(rejection(ParticipationPatterns.updateQuarterDetails, { actor: viewer, quarterId, flats: 1 })).resolves.toMatchObject({ status: 403 });
    await expect(rejection(ParticipationPatterns.updateQuarterDetails, { actor: partner, quarterId: otherQuarterId, flats: 1 })).resolves.toMatchObject({ status: 404 });
  });
});
