import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  AuditPatterns,
  IdentityPatterns,
  OrganisationsPatterns,
  PeoplePatterns,
  type AccountDto,
  type AuditEntryDto,
  type CreateQuarterResult,
  type MembershipDto,
  type OrganisationDto,
  type OrganisationMergeResult,
  type Page,
  type PersonDto,
  type QuarterDto,
  type QuarterImportResult,
} from '@genq/contracts';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { Organisation } from '../src/organisations/entities/organisation.entity';
import { Quarter } from '../src/quarters/entities/quarter.entity';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-org-merge');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('quarters naming organisations, merging duplicates on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const P = 'genq-nrw-2026';
  const OTHER = 'genq-other';
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: [P, OTHER], organisationId: null as string | null };
  const viewer = { ...admin, userId: 'test-viewer', email: 'viewer@test.example', role: 'viewer', programmeIds: [P] };
  const org = (name: string, type: string, programmeId = P) => send<OrganisationDto>(OrganisationsPatterns.create, { actor: admin, name, type, programmeId });
  const quarter = async (name: string, municipality: string, housingCompany: string) =>
    send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name, municipality, housingCompany, land: 'Nordrhein-Westfalen', programmeId: P });
  /** A duplicate as older data holds it (the API refuses one that differs only in case or spacing). */
  const legacyOrganisation = async (name: string, type: string): Promise<OrganisationDto> => {
    const repo = service.app.get(DataSource).getRepository(Organisation);
    const saved = await repo.save(repo.create({ id: randomUUID(), name, type: type as Organisation['type'], ags: null, programmeId: P }));
    return send<OrganisationDto>(OrganisationsPatterns.get, { actor: admin, id: saved.id });
  };
  const getQuarter = (id: string) => send<QuarterDto>(ActorsPatterns.getQuarter, { actor: admin, id });
  /** What a quarter holds of its organisations: [municipality, its id, housing company, its id]. */
  const organisationsOf = async (id: string) => {
    const q = await getQuarter(id);
    return [q.municipality, q.municipalityId, q.housingCompany, q.housingCompanyId];
  };
  const membersOf = async (quarterId: string) =>
    (await send<Page<MembershipDto>>(OrganisationsPatterns.listMemberships, { actor: admin, id: quarterId })).data.map((m) => [m.organisationId, m.personId]);
  let company: OrganisationDto;
  let city: OrganisationDto;

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    for (const id of [P, OTHER]) {
      await send(ActorsPatterns.upsertProgramme, { actor: admin, id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    }
    company = await org('DOGEWO21', 'housing_company');
    city = await org('Stadt Dortmund', 'municipality');
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('writes a quarter’s municipality and housing company as the organisations registered under those names, in any case or spacing, and keeps their ids', async () => {
    const first = await quarter('Scharnhorst Ost', '  stadt   DORTMUND ', 'dogewo21');
    expect(first.created).toBe(true);
    expect(first.quarter).toMatchObject({ municipality: 'Stadt Dortmund', municipalityId: city.id, housingCompany: 'DOGEWO21', housingCompanyId: company.id });
    expect(await organisationsOf(first.quarter.id)).toEqual(['Stadt Dortmund', city.id, 'DOGEWO21', company.id]);
    // The event the workflow starts from carries the registered names too.
    const [event] = await service.app.get(DataSource).getRepository(OutboxEventRow).findBy({ quarterId: first.quarter.id, type: 'quarter.registered' });
    expect(event!.payload).toMatchObject({ quarter: { municipality: 'Stadt Dortmund', housingCompany: 'DOGEWO21' } });
    // Typed another way again, it is the same registration, not a second quarter.
    const again = await quarter('Scharnhorst Ost', 'Stadt Dortmund', ' DOGEWO21');
    expect(again).toMatchObject({ created: false, quarter: { id: first.quarter.id } });
    // A name of another kind is not taken for it: "Stadt Dortmund" is no housing company.
    const unknown = await quarter('Eving', 'Stadt Dortmund', 'stadt dortmund');
    expect(unknown.quarter).toMatchObject({ municipality: 'Stadt Dortmund', housingCompany: 'stadt dortmund' });
    expect(await organisationsOf(unknown.quarter.id)).toEqual(['Stadt Dortmund', city.id, 'stadt dortmund', null]);
  });

  it('writes the registered names for the quarters of an imported file too', async () => {
    const csv = [
      'name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey',
      `Wambel;STADT DORTMUND;;Nordrhein-Westfalen;Dogewo21 ;${P};;;`,
      `Brackel;Stadt  Dortmund;;Nordrhein-Westfalen;Vivawest;${P};;;`,
      '',
    ].join('\r\n');
    const result = await send<QuarterImportResult>(ActorsPatterns.importQuarters, { actor: admin, csv });
    expect(result).toMatchObject({ created: 2 });
    const imported = await Promise.all(result.quarters.map((q) => getQuarter(q.id)));
    expect(imported.map((q) => [q.name, q.municipality, q.municipalityId, q.housingCompany, q.housingCompanyId])).toEqual([
      ['Wambel', 'Stadt Dortmund', city.id, 'DOGEWO21', company.id],
      ['Brackel', 'Stadt Dortmund', city.id, 'Vivawest', null],
    ]);
  });

  it('links the quarters registered under an organisation’s name before it was, when it is registered', async () => {
    const brackel = (await send<Page<QuarterDto>>(ActorsPatterns.listQuarters, { actor: admin, filter: { q: 'Brackel' } })).data[0]!;
    expect(brackel).toMatchObject({ housingCompany: 'Vivawest', housingCompanyId: null });
    // In another programme, a quarter of that name stays unlinked.
    const elsewhere = (await send<CreateQuarterResult>(ActorsPatterns.createQuarter, { actor: admin, name: 'Brackel', municipality: 'Dortmund', housingCompany: 'Vivawest', land: 'Nordrhein-Westfalen', programmeId: OTHER })).quarter;
    const vivawest = await org('VIVAWEST', 'housing_company');
    // The id, not the spelling: the quarter keeps its name as written.
    expect(await organisationsOf(brackel.id)).toEqual(['Stadt Dortmund', city.id, 'Vivawest', vivawest.id]);
    expect(await organisationsOf(elsewhere.id)).toEqual(['Dortmund', null, 'Vivawest', null]);
  });

  it('refuses an organisation whose name differs from a registered one only in case or spacing', async () => {
    const twice = await rejection(OrganisationsPatterns.create, { actor: admin, name: ' dogewo21 ', type: 'housing_company', programmeId: P });
    expect(twice).toMatchObject({ status: 409, code: 'organisation.already_registered', errors: [{ field: 'name', code: 'organisation.name_taken' }] });
    // In another programme the name is free.
    await expect(org('DOGEWO21', 'housing_company', OTHER)).resolves.toMatchObject({ name: 'DOGEWO21', programmeId: OTHER });
  });

  it('merges a duplicate: memberships, people, accounts and quarters move to the kept organisation, the duplicate goes, in one transaction with event and audit', async () => {
    const duplicate = await legacyOrganisation('Dogewo 21 GmbH', 'housing_company');
    const both = (await quarter('Hörde', 'Stadt Dortmund', 'DOGEWO21')).quarter;
    const onlyDuplicate = (await quarter('Nordstadt', 'Stadt Dortmund', 'dogewo 21 gmbh')).quarter;
    expect(onlyDuplicate).toMatchObject({ housingCompany: 'Dogewo 21 GmbH', housingCompanyId: duplicate.id });
    // A quarter that names the duplicate without its id (as rows from before ids were kept could).
    const withoutId = (await quarter('Kirchhörde', 'Stadt Dortmund', 'Dogewo 21 GmbH')).quarter;
    await service.app.get(DataSource).getRepository(Quarter).update({ id: withoutId.id }, { housingCompanyId: null });
    const person = await send<PersonDto>(PeoplePatterns.create, { actor: admin, organisationId: duplicate.id, name: 'Dana Doppel' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId: both.id, organisationId: company.id, role: 'lead_partner' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId: both.id, organisationId: duplicate.id, personId: person.id, role: 'co_partner' });
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId: onlyDuplicate.id, organisationId: duplicate.id, role: 'lead_partner' });
    const account = await send<AccountDto>(IdentityPatterns.createAccount, {
      actor: admin,
      email: `dana-${label}@test.example`,
      displayName: 'Dana',
      password: 'Ein-sicheres-Passwort-2026',
      role: 'partner',
      organisationId: duplicate.id,
    });

    const result = await send<OrganisationMergeResult>(OrganisationsPatterns.merge, { actor: admin, id: duplicate.id, into: company.id, reason: 'Doppelt angelegt' });
    expect(result).toMatchObject({
      organisation: { id: company.id, name: 'DOGEWO21' },
      merged: { id: duplicate.id, name: 'Dogewo 21 GmbH' },
      moved: { memberships: 1, people: 1, accounts: 1, quarters: 2 },
    });

    expect(await rejection(OrganisationsPatterns.get, { actor: admin, id: duplicate.id })).toMatchObject({ status: 404, code: 'organisation.not_found' });
    // Where both took part, the kept membership stays and takes the duplicate's person.
    expect(await membersOf(both.id)).toEqual([[company.id, person.id]]);
    expect(await membersOf(onlyDuplicate.id)).toEqual([[company.id, null]]);
    await expect(send<PersonDto>(PeoplePatterns.get, { actor: admin, id: person.id })).resolves.toMatchObject({ organisationId: company.id });
    await expect(send<AccountDto>(IdentityPatterns.getAccount, { actor: admin, id: account.id })).resolves.toMatchObject({ organisationId: company.id });
    expect(await organisationsOf(onlyDuplicate.id)).toEqual(['Stadt Dortmund', city.id, 'DOGEWO21', company.id]);
    expect(await organisationsOf(withoutId.id)).toEqual(['Stadt Dortmund', city.id, 'DOGEWO21', company.id]);

    const events = await service.app.get(DataSource).getRepository(OutboxEventRow).findBy({ type: 'organisation.merged' });
    expect(events.map((e) => e.payload)).toContainEqual({ organisationId: duplicate.id, intoId: company.id, programmeId: P, quarterIds: [both.id, onlyDuplicate.id, withoutId.id].sort() });
    const audit = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: admin, filter: { action: 'organisation.merge' } });
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ resourceType: 'organisation', resourceId: company.id, programmeId: P, reason: 'Doppelt angelegt' });
  });

  it('runs two merges of one pair in opposite directions one after the other: one merges, the other finds its organisation gone', async () => {
    const a = await org('Spar- und Bauverein Dortmund', 'housing_company');
    const b = await org('Spar und Bauverein', 'housing_company');
    const outcomes = await Promise.allSettled([
      send<OrganisationMergeResult>(OrganisationsPatterns.merge, { actor: admin, id: a.id, into: b.id, reason: 'Doppelt' }),
      send<OrganisationMergeResult>(OrganisationsPatterns.merge, { actor: admin, id: b.id, into: a.id, reason: 'Doppelt' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect([400, 404]).toContain((refused?.reason as { payload?: { status?: number } })?.payload?.status);
    const left = await send<Page<OrganisationDto>>(OrganisationsPatterns.list, { actor: admin, filter: { q: 'Bauverein' } });
    expect(left.data).toHaveLength(1);
  });

  it('refuses a merge into itself, into another kind or programme, by another role, or one that would make two quarters one; and changes nothing then', async () => {
    const other = await org('DOGEWO21 Service', 'housing_company', OTHER);
    const body = { actor: admin, id: company.id, reason: 'Test' };
    expect(await rejection(OrganisationsPatterns.merge, { ...body, into: company.id })).toMatchObject({ status: 409, code: 'organisation.merge_into_itself' });
    expect(await rejection(OrganisationsPatterns.merge, { ...body, into: city.id })).toMatchObject({
      status: 409,
      code: 'organisation.merge_other_kind',
      params: { type: 'housing_company', intoType: 'municipality' },
    });
    expect(await rejection(OrganisationsPatterns.merge, { ...body, into: other.id })).toMatchObject({ status: 409, code: 'organisation.merge_other_programme' });
    expect(await rejection(OrganisationsPatterns.merge, { ...body, into: randomUUID() })).toMatchObject({ status: 400, errors: [{ field: 'into', code: 'organisation.unknown' }] });
    expect(await rejection(OrganisationsPatterns.merge, { ...body, actor: viewer, into: city.id })).toMatchObject({ status: 403 });
    expect(await rejection(OrganisationsPatterns.merge, { ...body, into: city.id, reason: '' })).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });

    // "Dortmund" and "Stadt Dortmund" both have a quarter "Scharnhorst Ost": merged, they would be one.
    const dortmund = await org('Dortmund', 'municipality');
    const clashing = (await quarter('Scharnhorst Ost', 'Dortmund', 'DOGEWO21')).quarter;
    await send(OrganisationsPatterns.addMembership, { actor: admin, quarterId: clashing.id, organisationId: dortmund.id, role: 'co_partner' });
    expect(await rejection(OrganisationsPatterns.merge, { actor: admin, id: dortmund.id, into: city.id, reason: 'Doppelt' })).toMatchObject({
      status: 409,
      code: 'organisation.merge_quarter_clash',
      params: { name: 'Scharnhorst Ost', municipality: 'Stadt Dortmund' },
    });
    await expect(send<OrganisationDto>(OrganisationsPatterns.get, { actor: admin, id: dortmund.id })).resolves.toMatchObject({ name: 'Dortmund' });
    expect(await membersOf(clashing.id)).toEqual([[dortmund.id, null]]);
    expect(await organisationsOf(clashing.id)).toEqual(['Dortmund', dortmund.id, 'DOGEWO21', company.id]);
  });
});
