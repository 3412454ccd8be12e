import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { ActorsPatterns, type CreateQuarterResult, type Page, type QuarterDto } from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-due');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

/** The dashboard's "Fristen in den nächsten 30 Tagen" opens the quarter list filtered by `nextDueBefore`. */
describe.each(['sqlite', 'postgres'])('quarter list by next deadline on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'], organisationId: null };
  const names = async (filter: Record<string, unknown>) =>
    (await send<Page<QuarterDto>>(ActorsPatterns.listQuarters, { actor: admin, filter, sort: { field: 'nextDueAt', order: 'ASC' } })).data.map((q) => q.name);

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    await send(ActorsPatterns.upsertProgramme, { actor: admin, id: 'genq-nrw-2026', name: 'GenQ NRW 2026', catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    // Deadlines on 10 and 31 December, 15 January, and one quarter without a deadline.
    const due: Array<[string, string | null]> = [
      ['Dezember früh', '2026-12-10T09:00:00.000Z'],
      ['Silvester', '2026-12-31T23:59:00.000Z'],
      ['Januar', '2027-01-15T12:00:00.000Z'],
      ['Ohne Frist', null],
    ];
    for (const [name, nextDue] of due) {
      const { quarter } = await send<CreateQuarterResult>(ActorsPatterns.createQuarter, {
        actor: admin,
        name,
        municipality: 'Dortmund',
        land: 'Nordrhein-Westfalen',
        housingCompany: 'DOGEWO21',
        programmeId: 'genq-nrw-2026',
      });
      await send(ActorsPatterns.projectProcessState, { quarterId: quarter.id, phase: 'development', currentStep: 'kickoff', version: 1, nextDue });
    }
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('lists only quarters whose next deadline falls before the given day; quarters without a deadline never match', async () => {
    await expect(names({ nextDueBefore: '2027-01-01' })).resolves.toEqual(['Dezember früh', 'Silvester']);
    await expect(names({ nextDueBefore: '2026-12-31' })).resolves.toEqual(['Dezember früh']);
    await expect(names({ nextDueBefore: '2026-12-31T23:59:30Z' })).resolves.toEqual(['Dezember früh', 'Silvester']);
    await expect(names({ nextDueBefore: '2026-12-01' })).resolves.toEqual([]);
    await expect(names({})).resolves.toHaveLength(4);
  });

  it('combines with the other filters and with a lower bound: the deadlines of the next 30 days', async () => {
    await expect(names({ nextDueBefore: '2027-02-01', overdue: false, municipality: 'Dortmund' })).resolves.toEqual(['Dezember früh', 'Silvester', 'Januar']);
    await expect(names({ nextDueBefore: '2027-02-01', municipality: 'Bochum' })).resolves.toEqual([]);
    await expect(names({ nextDueAfter: '2026-12-11', nextDueBefore: '2027-01-15T12:00:00Z' })).resolves.toEqual(['Silvester']);
    await expect(names({ nextDueAfter: '2026-12-11' })).resolves.toEqual(['Silvester', 'Januar']);
  });

  it('refuses a date that is not an ISO date with 400 at the filter', async () => {
    for (const bad of ['31.12.2026', '2026-02-30', 'morgen', 20261231, '2026-12-31T10:00']) {
      await expect(service.refusal(ActorsPatterns.listQuarters, { actor: admin, filter: { nextDueBefore: bad, nextDueAfter: bad } })).resolves.toMatchObject({
        status: 400,
        code: 'list.invalid',
        errors: [
          { field: 'filter.nextDueBefore', code: 'validation.isDateString' },
          { field: 'filter.nextDueAfter', code: 'validation.isDateString' },
        ],
      });
    }
  });
});
