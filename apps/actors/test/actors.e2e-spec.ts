import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { ActorsPatterns, type CreateQuarterResult, type Page, type QuarterDto } from '@genq/contracts';
import { DataSource } from 'typeorm';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { fieldCodes, fieldProblem } from './problems';

const calendar = JSON.parse(
  readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'),
).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('actors service on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const registered = (quarterId: string) => service.app.get(DataSource).getRepository(OutboxEventRow).find({ where: { quarterId, type: 'quarter.registered' } });
  // The programme office that runs genq-nrw-2026: writes and lists act on someone's behalf (issue 7).
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'], organisationId: null };
  const quarter = (over: Record<string, unknown> = {}) => ({
    actor: admin,
    name: 'Scharnhorst Ost',
    municipality: 'Dortmund',
    kreis: 'Kreisfreie Stadt Dortmund',
    land: 'Nordrhein-Westfalen',
    housingCompany: 'DOGEWO21',
    programmeId: 'genq-nrw-2026',
    ...over,
  });

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    await send(ActorsPatterns.upsertProgramme, {
      actor: admin,
      id: 'genq-nrw-2026',
      name: 'GenQ NRW 2026',
      catalogueId: 'genq-default',
      catalogueVersion: '1.0.0',
      calendar,
    });
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('checks a programme calendar itself and lists every problem at its field, saving nothing', async () => {
    const steps = calendar.developmentPhase.steps;
    const broken = {
      ...calendar,
      developmentPhase: { ...calendar.developmentPhase, steps: [steps[0], { ...steps[1], key: steps[0]!.key }, ...steps.slice(2)] },
      implementationPhase: { ...calendar.implementationPhase, duration: 'vier Jahre' },
    };
    const refused = await rejection(ActorsPatterns.upsertProgramme, { actor: admin, id: 'genq-broken', name: 'Kaputt', catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar: broken });
    expect(refused).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(refused)).toEqual({
      'calendar.developmentPhase.steps.1.key': 'catalogue.duplicate_id',
      'calendar.implementationPhase.duration': expect.stringMatching(/^calendar\./),
    });
    expect(await rejection(ActorsPatterns.getProgramme, { actor: admin, id: 'genq-broken' })).toMatchObject({ status: 404 });
  });

  it('answers its health pattern with the database state', async () => {
    await expect(send(ActorsPatterns.health, {})).resolves.toEqual({
      service: 'actors',
      database: { type: label, up: true },
      // Without a NATS configuration (as here) the events wait in the outbox, and the relay says so.
      events: { connected: false, unpublished: 0, oldestUnpublishedAt: null },
    });
  });

  it('registers a quarter once: the same registration again returns the same quarter', async () => {
    const first = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter());
    const again = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: '  scharnhorst  ost ' }));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.quarter.id).toBe(first.quarter.id);
    expect(first.quarter).toMatchObject({ phase: null, workflowStartedAt: null, processVersion: 0 });
  });

  it('records quarter.registered with what the workflow starts from, in the outbox, for a new quarter only', async () => {
    const first = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Eving', municipality: 'Bochum', startAt: { phase: 'development', stepKey: 'analysis' } }));
    expect(first.created).toBe(true);
    const facts = await registered(first.quarter.id);
    expect(facts).toHaveLength(1);
    expect(facts[0]!).toMatchObject({ source: 'actors', type: 'quarter.registered', quarterId: first.quarter.id });
    expect(facts[0]!.payload).toEqual({
      programmeId: 'genq-nrw-2026',
      calendar,
      startedAt: first.quarter.startedAt,
      startAt: { phase: 'development', stepKey: 'analysis' },
      quarter: { name: 'Eving', land: 'Nordrhein-Westfalen', municipality: 'Bochum', housingCompany: 'DOGEWO21' },
    });
    // The repeat of the same registration is no new fact: the process is not started twice.
    const again = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'eving', municipality: 'Bochum', startAt: { phase: 'development', stepKey: 'analysis' } }));
    expect(again).toMatchObject({ created: false, quarter: { id: first.quarter.id } });
    await expect(registered(first.quarter.id)).resolves.toHaveLength(1);
  });

  it('never makes two quarters from concurrent identical registrations', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Hörde Mitte' }))),
    );
    expect(new Set(results.map((r) => r.quarter.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    await expect(registered(results[0]!.quarter.id)).resolves.toHaveLength(1);
  });

  it('refuses a different quarter under a taken name with 409', async () => {
    const e = await rejection(ActorsPatterns.createQuarter, quarter({ housingCompany: 'Vonovia' }));
    expect(e).toMatchObject({ status: 409, code: 'quarter.already_registered', params: { name: 'Scharnhorst Ost', municipality: 'Dortmund' } });
    expect(fieldCodes(e)).toEqual({ name: 'quarter.name_taken' });
  });

  it('answers invalid input with 400 and a code per field, every field at once', async () => {
    const e = await rejection(ActorsPatterns.createQuarter, { actor: admin, name: '', land: 'Atlantis', unknownField: 1 });
    expect(e).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(e)).toEqual({
      housingCompany: 'validation.required',
      land: 'validation.isIn',
      municipality: 'validation.required',
      name: 'validation.required',
      programmeId: 'validation.required',
      unknownField: 'validation.whitelistValidation',
    });
    const p = await rejection(ActorsPatterns.createQuarter, quarter({ name: 'Neu', programmeId: 'no-such-programme', startedAt: '2999-01-01' }));
    expect(p).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(p)).toEqual({ programmeId: 'programme.unknown', startedAt: 'date.in_future' });
    expect(fieldProblem(p, 'programmeId')?.params).toEqual({ id: 'no-such-programme' });
  });

  it('lists with react-admin filter, sort and range; refuses unknown sort fields', async () => {
    await send(ActorsPatterns.createQuarter, quarter({ name: 'Aplerbeck', municipality: 'Dortmund' }));
    const page = await send<Page<QuarterDto>>(ActorsPatterns.listQuarters, {
      actor: admin,
      filter: { municipality: 'Dortmund' },
      sort: { field: 'name', order: 'ASC' },
      range: { start: 0, end: 1 },
    });
    expect(page.total).toBe(3);
    expect(page.data.map((q) => q.name)).toEqual(['Aplerbeck', 'Hörde Mitte']);
    const search = await send<Page<QuarterDto>>(ActorsPatterns.listQuarters, { actor: admin, filter: { q: 'hörde' } });
    expect(search.data.map((q) => q.name)).toEqual(['Hörde Mitte']);
    const bad = await rejection(ActorsPatterns.listQuarters, { actor: admin, sort: { field: 'name; DROP TABLE quarters', order: 'ASC' }, filter: { stadt: 'x', overdue: 'ja' } });
    expect(bad).toMatchObject({ status: 400, code: 'list.invalid' });
    expect(fieldCodes(bad)).toEqual({ 'filter.overdue': 'validation.isBoolean' });
    const badSort = await rejection(ActorsPatterns.listQuarters, { actor: admin, sort: { field: 'name; DROP TABLE quarters', order: 'ASC' }, filter: { stadt: 'x' } });
    expect(badSort.errors).toEqual([
      { field: 'filter.stadt', code: 'list.filter_unknown' },
      { field: 'sort', code: 'list.sort_unknown', params: { sort: 'name; DROP TABLE quarters' } },
    ]);
  });

  it('projects process state idempotently: an older version never overwrites a newer one', async () => {
    const { quarter: q } = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Projektion' }));
    const project = (version: number, currentStep: string) =>
      send<{ applied: boolean }>(ActorsPatterns.projectProcessState, { quarterId: q.id, phase: 'development', currentStep, version });
    await expect(project(2, 'analysis')).resolves.toEqual({ applied: true });
    await expect(project(1, 'kickoff')).resolves.toEqual({ applied: false });
    await expect(project(2, 'analysis')).resolves.toEqual({ applied: false });
    const stored = await send<QuarterDto>(ActorsPatterns.getQuarter, q.id);
    expect(stored).toMatchObject({ phase: 'development', currentStep: 'analysis', processVersion: 2 });
  });

  it('tracks which quarters still await their workflow', async () => {
    const { quarter: q } = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Wartend' }));
    const awaiting = await send<QuarterDto[]>(ActorsPatterns.quartersAwaitingWorkflow, 0);
    expect(awaiting.map((x) => x.id)).toContain(q.id);
    await send(ActorsPatterns.markWorkflowStarted, q.id);
    const after = await send<QuarterDto[]>(ActorsPatterns.quartersAwaitingWorkflow, 0);
    expect(after.map((x) => x.id)).not.toContain(q.id);
    // The worker confirms several starts in one request; a confirmed one keeps its time.
    const { quarter: a } = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Wartend A' }));
    const { quarter: b } = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, quarter({ name: 'Wartend B' }));
    const first = (await send<QuarterDto>(ActorsPatterns.getQuarter, q.id)).workflowStartedAt;
    await expect(send(ActorsPatterns.markWorkflowStarted, [a.id, b.id, q.id])).resolves.toEqual({ confirmed: 2 });
    const left = (await send<QuarterDto[]>(ActorsPatterns.quartersAwaitingWorkflow, 0)).map((x) => x.id);
    expect(left).not.toContain(a.id);
    expect(left).not.toContain(b.id);
    expect((await send<QuarterDto>(ActorsPatterns.getQuarter, q.id)).workflowStartedAt).toBe(first);
  });
});
