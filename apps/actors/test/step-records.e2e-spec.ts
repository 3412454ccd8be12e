import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  KickoffPatterns,
  OrganisationsPatterns,
  ParticipationPatterns,
  PeoplePatterns,
  type CreateQuarterResult,
  type KickoffRecordDto,
  type MembershipDto,
  type OrganisationDto,
  type Page,
  type ParticipationRecordDto,
  type PersonDto,
} from '@genq/contracts';
import { DataSource } from 'typeorm';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { fieldCodes, fieldProblem } from './problems';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-step-records');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

/** Auftakt and Beteiligungsphase complete by their deliverables, recorded with the fact for the process in one transaction. */
describe.each(['sqlite', 'postgres'])('kick-off and participation records on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'], organisationId: null };
  const viewer = { ...admin, userId: 'test-viewer', email: 'viewer@test.example', role: 'viewer' };
  let quarterId: string;
  let company: OrganisationDto;
  let city: OrganisationDto;
  let moderation: OrganisationDto;
  const outbox = (type: string) => service.app.get(DataSource).getRepository(OutboxEventRow).find({ where: { quarterId, type } });

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    await send(ActorsPatterns.upsertProgramme, { actor: admin, id: 'genq-nrw-2026', name: 'GenQ NRW 2026', catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    quarterId = (
      await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name: 'Scharnhorst Ost', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: 'genq-nrw-2026' })
    ).quarter.id;
    const org = (name: string, type: string) => send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name, type, programmeId: 'genq-nrw-2026' });
    company = await org('DOGEWO21', 'housing_company');
    city = await org('Stadt Dortmund', 'municipality');
    moderation = await org('Quartiersbüro Ost', 'facilitation');
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId, organisationId: company.id, role: 'lead_partner' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId, organisationId: city.id, role: 'co_partner' });
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('refuses a kick-off with every problem at once, and records nothing', async () => {
    const outsider = await send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name: 'Fremde Wohnungsbau AG', type: 'housing_company', programmeId: 'genq-nrw-2026' });
    const stranger = await send<PersonDto>(PeoplePatterns.create, { actor: admin, organisationId: outsider.id, name: 'Frieda Fremd' });
    const refused = await service.refusal(KickoffPatterns.record, {
      actor: admin,
      quarterId,
      date: '2999-01-01',
      housingCompanyLeadId: stranger.id,
      municipalityLeadId: randomUUID(),
      facilitatorId: randomUUID(),
      declarationSignedOn: '2026-02-30',
    });
    expect(refused).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(refused)).toEqual({
      date: 'date.in_future',
      declarationSignedOn: 'validation.isDateString',
      facilitatorId: 'person.unknown',
      housingCompanyLeadId: 'kickoff.lead_not_taking_part',
      municipalityLeadId: 'person.unknown',
    });
    expect(fieldProblem(refused, 'housingCompanyLeadId')?.params).toEqual({ name: 'Frieda Fremd', organisation: 'Fremde Wohnungsbau AG' });
    await expect(send(KickoffPatterns.get, { actor: admin, id: quarterId })).resolves.toBeNull();
    await expect(outbox('kickoff.recorded')).resolves.toHaveLength(0);
  });

  it('records the kick-off: names the leads, makes the facilitator take part, and records kickoff.recorded; once', async () => {
    const person = (organisationId: string, name: string) => send<PersonDto>(PeoplePatterns.create, { actor: admin, organisationId, name });
    const lead = await person(company.id, 'Lena Projekt');
    const mayorOffice = await person(city.id, 'Max Verwaltung');
    const facilitator = await person(moderation.id, 'Fatma Moderation');
    await expect(
      service.refusal(KickoffPatterns.record, { actor: viewer, quarterId, date: '2026-02-10', housingCompanyLeadId: lead.id, municipalityLeadId: mayorOffice.id, facilitatorId: facilitator.id, declarationSignedOn: '2026-02-10' }),
    ).resolves.toMatchObject({ status: 403, code: 'role.not_allowed' });
    // Both leads from the same organisation.
    const colleague = await person(company.id, 'Kai Kollege');
    const sameOrganisation = await service.refusal(KickoffPatterns.record, { actor: admin, quarterId, date: '2026-02-10', housingCompanyLeadId: lead.id, municipalityLeadId: colleague.id, facilitatorId: facilitator.id, declarationSignedOn: '2026-02-10' });
    expect(fieldCodes(sameOrganisation)).toEqual({ municipalityLeadId: 'kickoff.leads_same_organisation' });
    const cmd = { actor: admin, quarterId, date: '2026-02-10', housingCompanyLeadId: lead.id, municipalityLeadId: mayorOffice.id, facilitatorId: facilitator.id, declarationSignedOn: '2026-02-09', notes: ' Im Stadtteilbüro ' };
    const record = await send<KickoffRecordDto>(KickoffPatterns.record, cmd);
    expect(record).toMatchObject({
      quarterId,
      date: '2026-02-10',
      declarationSignedOn: '2026-02-09',
      notes: 'Im Stadtteilbüro',
      housingCompanyLead: { personId: lead.id, name: 'Lena Projekt', organisationName: 'DOGEWO21' },
      municipalityLead: { name: 'Max Verwaltung', organisationName: 'Stadt Dortmund' },
      facilitator: { name: 'Fatma Moderation', organisationName: 'Quartiersbüro Ost' },
    });
    const memberships = await send<Page<MembershipDto>>(OrganisationsPatterns.listMemberships, { actor: admin, id: quarterId });
    expect(memberships.data.map((m) => [m.organisationName, m.role, m.personName]).sort()).toEqual([
      ['DOGEWO21', 'lead_partner', 'Lena Projekt'],
      ['Quartiersbüro Ost', 'facilitator', 'Fatma Moderation'],
      ['Stadt Dortmund', 'co_partner', 'Max Verwaltung'],
    ]);
    const facts = await outbox('kickoff.recorded');
    expect(facts).toHaveLength(1);
    expect(facts[0]!.payload).toEqual({ date: '2026-02-10' });
    await expect(service.refusal(KickoffPatterns.record, cmd)).resolves.toMatchObject({ status: 409, code: 'kickoff.already_recorded' });
    await expect(outbox('kickoff.recorded')).resolves.toHaveLength(1);
    await expect(send(KickoffPatterns.get, { actor: viewer, id: quarterId })).resolves.toMatchObject({ date: '2026-02-10' });
  });

  it('closes the participation phase only after an event, with its proposals, and records participation.closed; once', async () => {
    const close = { actor: admin, quarterId, closedOn: '2026-08-31', proposals: [{ text: ' Treffpunkt am Markt ', actionFieldId: 'HF3' }, { text: 'Bänke an den Wegen' }], summary: 'Zwei Formate' };
    await expect(service.refusal(ParticipationPatterns.close, close)).resolves.toMatchObject({ status: 409, code: 'participation.no_event' });
    const invalid = await service.refusal(ParticipationPatterns.close, { actor: admin, quarterId, closedOn: '31.08.2026', proposals: [] });
    expect(Object.keys(fieldCodes(invalid)).sort()).toEqual(['closedOn', 'proposals']);
    const future = await service.refusal(ParticipationPatterns.close, { ...close, closedOn: '2999-08-31' });
    expect(future).toMatchObject({ status: 400, errors: [{ field: 'closedOn', code: 'date.in_future' }] });
    await send(ParticipationPatterns.create, { actor: admin, quarterId, type: 'workshop', date: '2026-03-14', participants: { '18-64': 20, '80+': 2 } });
    const record = await send<ParticipationRecordDto>(ParticipationPatterns.close, close);
    expect(record).toMatchObject({ closedOn: '2026-08-31', events: 1, participants: 22, summary: 'Zwei Formate', proposals: [{ text: 'Treffpunkt am Markt', actionFieldId: 'HF3' }, { text: 'Bänke an den Wegen', actionFieldId: null }] });
    const facts = await outbox('participation.closed');
    expect(facts.map((f) => f.payload)).toEqual([{ closedOn: '2026-08-31', events: 1, proposals: 2 }]);
    await expect(service.refusal(ParticipationPatterns.close, close)).resolves.toMatchObject({ status: 409, code: 'participation.already_closed' });
    await expect(send(ParticipationPatterns.record, { actor: viewer, id: quarterId })).resolves.toMatchObject({ events: 1 });
    // What the consistency check compares with the process.
    await expect(send(KickoffPatterns.deliverables, { quarterId })).resolves.toEqual({ kickoffRecorded: true, participationClosed: true });
  });
});
