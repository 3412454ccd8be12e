import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  IdentityPatterns,
  OrganisationsPatterns,
  ParticipationPatterns,
  PeoplePatterns,
  type AccountDto,
  type CreateQuarterResult,
  type MembershipDto,
  type OrganisationDto,
  type Page,
  type ParticipationFigures,
  type PersonDto,
  type PersonOfAccount,
} from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { fieldCodes } from './problems';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-people');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('people, memberships naming a person, participation figures on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const P = 'genq-nrw-2026';
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: [P, 'genq-other'], organisationId: null as string | null };
  const viewer = { ...admin, userId: 'test-viewer', email: 'viewer@test.example', role: 'viewer', programmeIds: [P] };
  const foreignAdmin = { ...admin, userId: 'test-foreign', email: 'foreign@test.example', programmeIds: ['genq-other'] };
  let quarterId: string;
  let company: OrganisationDto;
  let city: OrganisationDto;
  let stranger: OrganisationDto;
  let partner: typeof admin & { organisationId: string | null };
  let outsider: typeof admin & { organisationId: string | null };

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    for (const id of [P, 'genq-other']) {
      await send(ActorsPatterns.upsertProgramme, { actor: admin, id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    }
    const base = { actor: admin, municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: P };
    quarterId = (await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { ...base, name: 'Scharnhorst Ost' })).quarter.id;
    const org = (name: string, type: string, programmeId = P) => send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name, type, programmeId });
    company = await org('DOGEWO21', 'housing_company');
    city = await org('Stadt Dortmund', 'municipality');
    stranger = await org('Fremdträger', 'welfare_organisation', 'genq-other');
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId, organisationId: company.id, role: 'lead_partner' });
    partner = { userId: 'test-partner', email: 'partner@test.example', role: 'partner', programmeIds: [], organisationId: company.id };
    outsider = { ...partner, userId: 'test-outsider', organisationId: stranger.id };
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('records a person with least personal data, trimmed, and reads it back', async () => {
    const created = await send<PersonDto>(PeoplePatterns.create, {
      actor: admin,
      organisationId: company.id,
      name: '  Dr. Anna Schmidt ',
      role: 'Geschäftsführerin',
      email: 'Anna.Schmidt@DOGEWO21.example',
      phone: '+49 231 1083-0',
      signingAuthority: true,
    });
    expect(created).toMatchObject({ organisationId: company.id, name: 'Dr. Anna Schmidt', role: 'Geschäftsführerin', email: 'anna.schmidt@dogewo21.example', signingAuthority: true, accountId: null });
    await expect(send<PersonDto>(PeoplePatterns.get, { actor: viewer, id: created.id })).resolves.toEqual(created);
    const minimal = await send<PersonDto>(PeoplePatterns.create, { actor: admin, organisationId: city.id, name: 'Bernd Kaya' });
    expect(minimal).toMatchObject({ role: null, email: null, phone: null, signingAuthority: false });
  });

  it('answers invalid people with 400 and a code per field', async () => {
    const e = await rejection(PeoplePatterns.create, { actor: admin, organisationId: company.id, name: '', email: 'keine-adresse', phone: 'ruf an' });
    expect(e).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(fieldCodes(e)).toEqual({ name: 'validation.required', email: 'validation.isEmail', phone: 'validation.matches' });
    const blank = await rejection(PeoplePatterns.create, { actor: admin, organisationId: company.id, name: '   ' });
    expect(blank).toMatchObject({ status: 400, errors: [{ field: 'name', code: 'validation.isNotEmpty' }] });
    // An organisation that does not exist, or lies outside the admin's programmes, is unknown alike.
    const adminOfP = { ...admin, programmeIds: [P] };
    for (const organisationId of ['6f1c1f7e-7c1b-4a57-9d59-3f2b5c1a0b11', stranger.id]) {
      const unknown = await rejection(PeoplePatterns.create, { actor: adminOfP, organisationId, name: 'X' });
      expect(unknown).toMatchObject({ status: 400, errors: [{ field: 'organisationId', code: 'organisation.unknown', params: { id: organisationId } }] });
    }
  });

  it('lists people filtered and searched, within the scope of the organisations', async () => {
    const all = await send<Page<PersonDto>>(PeoplePatterns.list, { actor: viewer });
    expect(all.data.map((p) => p.name)).toEqual(['Bernd Kaya', 'Dr. Anna Schmidt']);
    const ofCompany = await send<Page<PersonDto>>(PeoplePatterns.list, { actor: viewer, filter: { organisationId: company.id } });
    expect(ofCompany).toMatchObject({ total: 1, data: [{ name: 'Dr. Anna Schmidt' }] });
    const searched = await send<Page<PersonDto>>(PeoplePatterns.list, { actor: viewer, filter: { q: 'geschäftsf' } });
    expect(searched.data.map((p) => p.name)).toEqual(['Dr. Anna Schmidt']);
    // A partner sees the people of its own organisation (and of those it shares a quarter with), nobody else.
    const mine = await send<Page<PersonDto>>(PeoplePatterns.list, { actor: partner });
    expect(mine.data.map((p) => p.name)).toEqual(['Dr. Anna Schmidt']);
    await expect(send<Page<PersonDto>>(PeoplePatterns.list, { actor: outsider })).resolves.toEqual({ data: [], total: 0 });
    await expect(send<Page<PersonDto>>(PeoplePatterns.list, { actor: foreignAdmin })).resolves.toEqual({ data: [], total: 0 });
    const anna = mine.data[0]!;
    await expect(rejection(PeoplePatterns.get, { actor: outsider, id: anna.id })).resolves.toMatchObject({ status: 404 });
  });

  it('lets only the programme office write people, and replaces the editable fields', async () => {
    const [anna] = (await send<Page<PersonDto>>(PeoplePatterns.list, { actor: admin, filter: { organisationId: company.id } })).data;
    await expect(rejection(PeoplePatterns.update, { actor: partner, id: anna!.id, organisationId: company.id, name: 'Anna' })).resolves.toMatchObject({ status: 403 });
    await expect(rejection(PeoplePatterns.create, { actor: viewer, organisationId: company.id, name: 'Anna' })).resolves.toMatchObject({ status: 403 });
    await expect(rejection(PeoplePatterns.update, { actor: foreignAdmin, id: anna!.id, organisationId: company.id, name: 'Anna' })).resolves.toMatchObject({ status: 404 });
    const { before, after } = await send<{ before: PersonDto; after: PersonDto }>(PeoplePatterns.update, {
      actor: admin,
      id: anna!.id,
      organisationId: company.id,
      name: 'Dr. Anna Schmidt',
      role: 'Prokuristin',
    });
    expect(before).toMatchObject({ role: 'Geschäftsführerin', signingAuthority: true, phone: '+49 231 1083-0' });
    expect(after).toMatchObject({ role: 'Prokuristin', signingAuthority: false, phone: null, email: null });
  });

  it('links an account of the same organisation to one person only; the signer asks by account', async () => {
    const account = await send<AccountDto>(IdentityPatterns.createAccount, {
      actor: admin,
      email: `linked-${label}@test.example`,
      displayName: 'Linked',
      password: 'ein langes Passwort 123!',
      role: 'partner',
      organisationId: company.id,
    });
    const person = await send<PersonDto>(PeoplePatterns.create, { actor: admin, organisationId: company.id, name: 'Carla Signer', signingAuthority: true, accountId: account.id });
    await expect(send<PersonOfAccount>(PeoplePatterns.ofAccount, { accountId: account.id })).resolves.toEqual({ person });
    await expect(send<PersonOfAccount>(PeoplePatterns.ofAccount, { accountId: 'test-admin' })).resolves.toEqual({ person: null });
    const twice = await rejection(PeoplePatterns.create, { actor: admin, organisationId: company.id, name: 'Doppelt', accountId: account.id });
    expect(twice).toMatchObject({ status: 400, errors: [{ field: 'accountId', code: 'person.account_linked' }] });
    const otherOrganisation = await rejection(PeoplePatterns.create, { actor: admin, organisationId: city.id, name: 'Falsch', accountId: account.id });
    expect(otherOrganisation).toMatchObject({ status: 400, errors: [{ field: 'accountId', code: 'person.account_other_organisation' }] });
    expect(await rejection(PeoplePatterns.ofAccount, { accountId: 7 })).toMatchObject({ status: 400, errors: [{ field: 'accountId', code: 'validation.isString' }] });
  });

  it('names a person in a membership: alone (its organisation takes part) or with its own organisation only', async () => {
    const bernd = (await send<Page<PersonDto>>(PeoplePatterns.list, { actor: admin, filter: { q: 'Bernd' } })).data[0]!;
    const m = await send<MembershipDto>(OrganisationsPatterns.addMembership, { actor: admin, quarterId, personId: bernd.id, role: 'co_partner' });
    expect(m).toMatchObject({ organisationId: city.id, organisationName: 'Stadt Dortmund', personId: bernd.id, personName: 'Bernd Kaya', role: 'co_partner' });
    const wrong = await rejection(OrganisationsPatterns.addMembership, { actor: admin, quarterId, organisationId: company.id, personId: bernd.id, role: 'co_partner' });
    expect(wrong).toMatchObject({ status: 400, errors: [{ field: 'personId', code: 'membership.person_not_in_organisation' }] });
    const unknown = await rejection(OrganisationsPatterns.addMembership, { actor: admin, quarterId, personId: '6f1c1f7e-7c1b-4a57-9d59-3f2b5c1a0b11', role: 'co_partner' });
    expect(unknown).toMatchObject({ status: 400, errors: [{ field: 'personId', code: 'person.unknown', params: { id: '6f1c1f7e-7c1b-4a57-9d59-3f2b5c1a0b11' } }] });
    const neither = await rejection(OrganisationsPatterns.addMembership, { actor: admin, quarterId, role: 'co_partner' });
    // The message's validation already asks for one of them (the service checks again: membership.organisation_or_person).
    expect(neither).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'organisationId', code: 'validation.required' }] });
    const again = await rejection(OrganisationsPatterns.addMembership, { actor: admin, quarterId, personId: bernd.id, role: 'co_partner' });
    expect(again).toMatchObject({ status: 409, code: 'membership.exists', errors: [{ field: 'organisationId', code: 'membership.taking_part_already' }] });
    // An organisation is registered once per programme, and only in the admin's programmes.
    const twice = await rejection(OrganisationsPatterns.create, { actor: admin, name: company.name, type: company.type, programmeId: company.programmeId });
    expect(twice).toMatchObject({ status: 409, code: 'organisation.already_registered', errors: [{ field: 'name', code: 'organisation.name_taken' }] });
    const elsewhere = await rejection(OrganisationsPatterns.create, { actor: admin, name: 'Neu', type: company.type, programmeId: 'nirgends' });
    expect(elsewhere).toMatchObject({ status: 400, errors: [{ field: 'programmeId', code: 'programme.unknown', params: { id: 'nirgends' } }] });
    const listed = await send<Page<MembershipDto>>(OrganisationsPatterns.listMemberships, { actor: viewer, id: quarterId });
    expect(listed.data.map((x) => [x.organisationName, x.personName])).toEqual([
      ['DOGEWO21', null],
      ['Stadt Dortmund', 'Bernd Kaya'],
    ]);
  });

  it('counts events and participants per calendar year and the network partners, the same every time', async () => {
    const event = (date: string, participants: Record<string, number>) => send(ParticipationPatterns.create, { actor: admin, quarterId, type: 'workshop', date, participants });
    await event('2025-11-20', { '18-64': 10 });
    await event('2026-03-14', { '6-17': 4, '18-64': 20 });
    await event('2026-05-02', { '65-79': 6 });
    const figures = await send<ParticipationFigures>(ParticipationPatterns.figures, { actor: partner, id: quarterId });
    expect(figures).toEqual({
      quarterId,
      years: [
        { year: 2025, events: 1, participants: 10 },
        { year: 2026, events: 2, participants: 30 },
      ],
      // Stadt Dortmund as co-partner; the lead partner does not count.
      networkPartners: 1,
    });
    await expect(send(ParticipationPatterns.figures, { actor: partner, id: quarterId })).resolves.toEqual(figures);
    await expect(rejection(ParticipationPatterns.figures, { actor: outsider, id: quarterId })).resolves.toMatchObject({ status: 404, code: 'quarter.not_found' });
  });
});
