import { DEMO_PASSWORD } from '@genq/infra';
import { adminWithProgramme, eventually, completeStepsUpToGoalsWorkshop, fieldCodes, recordGoalsWorkshop, startTestStack, type TestStack, createQuarter } from './support/api';

/**
 * Issue 4 through the HTTP API of the running system: people of organisations with their
 * signing authority (Zeichnungsbefugnis), which decides who may sign a Zielvereinbarung when
 * the account is linked to a person; memberships naming a person; and participation events
 * and network partners counted into the quarter's process indicators.
 */
jest.setTimeout(10 * 60_000);

describe('people, signing authority and participation indicators over HTTP', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-nrw-2026';

  const as = (token: string | undefined, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    env = await startTestStack('people');
    admin = await adminWithProgramme(env, P, 'GenQ NRW 2026');
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('records people with field errors, lists them filtered with Content-Range, and signs by the linked person’s authority', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Dorstfeld Süd', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vivawest', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const company = (await as(admin, 'POST', '/organisations', { name: 'Vivawest Wohnen GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const city = (await as(admin, 'POST', '/organisations', { name: 'Stadt Dortmund', type: 'municipality', programmeId: P }, 201)).body.id as string;

    const bad = await as(admin, 'POST', '/people', { organisationId: company, name: '', email: 'keine-adresse' }, 400);
    expect(bad.body.code).toBe('request.invalid');
    expect(fieldCodes(bad.body)).toEqual({ name: 'validation.required', email: 'validation.isEmail' });
    const unknown = await as(admin, 'POST', '/people', { organisationId: '6f1c1f7e-7c1b-4a57-9d59-3f2b5c1a0b11', name: 'Niemand' }, 400);
    expect(unknown.body.errors).toMatchObject([{ field: 'organisationId', code: 'organisation.unknown', params: { id: '6f1c1f7e-7c1b-4a57-9d59-3f2b5c1a0b11' } }]);

    const account = async (key: string, organisationId: string, canSign: boolean) => {
      const email = `${key}@people.genq.example`;
      const created = (await as(admin, 'POST', '/accounts', { email, displayName: key, password: DEMO_PASSWORD, role: 'partner', organisationId, canSign }, 201)).body;
      return { id: created.id as string, token: () => env.login(email) };
    };
    // The account says "may sign", the person linked to it does not: the person decides.
    const lead = await account('projektleitung', company, true);
    const ceo = await account('geschaeftsfuehrung', company, false);
    const mayor = await account('oberbuergermeister', city, true);
    const leadPerson = (await as(admin, 'POST', '/people', { organisationId: company, name: 'Lena Projekt', role: 'Projektleiterin', accountId: lead.id }, 201)).body;
    expect(leadPerson).toMatchObject({ signingAuthority: false, accountId: lead.id });
    const ceoPerson = (await as(admin, 'POST', '/people', { organisationId: company, name: 'Dr. Carl Chef', role: 'Geschäftsführer', email: 'chef@vivawest.example', signingAuthority: true, accountId: ceo.id }, 201)).body;

    const listed = await as(admin, 'GET', `/people?filter=${encodeURIComponent(JSON.stringify({ organisationId: company }))}&sort=${encodeURIComponent('["name","ASC"]')}&range=[0,0]`, undefined, 200);
    expect(listed.headers.get('content-range')).toBe('people 0-0/2');
    expect(listed.body.map((p: { name: string }) => p.name)).toEqual(['Dr. Carl Chef']);
    const edited = (await as(admin, 'PUT', `/people/${ceoPerson.id}`, { organisationId: company, name: 'Dr. Carl Chef', role: 'Vorstand', signingAuthority: true, accountId: ceo.id }, 200)).body;
    expect(edited).toMatchObject({ role: 'Vorstand', email: null, signingAuthority: true });
    const audit = await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'person.update' }))}`, undefined, 200);
    expect(audit.body[0]).toMatchObject({ resourceId: ceoPerson.id, before: { role: 'Geschäftsführer' }, after: { role: 'Vorstand' } });
    // A partner reads the people of its own organisation, but may not write them.
    const leadToken = await lead.token();
    await as(leadToken, 'GET', `/people/${ceoPerson.id}`, undefined, 200);
    await as(leadToken, 'PUT', `/people/${leadPerson.id}`, { organisationId: company, name: 'Lena Projekt', signingAuthority: true, accountId: lead.id }, 403);

    // Memberships: the company by name, the city by its mayor (a person of it).
    await as(admin, 'POST', `${q}/memberships`, { organisationId: company, role: 'lead_partner' }, 201);
    const mayorPerson = (await as(admin, 'POST', '/people', { organisationId: city, name: 'Thomas Westphal', role: 'Oberbürgermeister', signingAuthority: true, accountId: mayor.id }, 201)).body;
    const wrongPerson = await as(admin, 'POST', `${q}/memberships`, { organisationId: company, personId: mayorPerson.id, role: 'co_partner' }, 400);
    expect(wrongPerson.body.code).toBe('request.invalid');
    expect(fieldCodes(wrongPerson.body)).toEqual({ personId: 'membership.person_not_in_organisation' });
    const byPerson = (await as(admin, 'POST', `${q}/memberships`, { personId: mayorPerson.id, role: 'co_partner' }, 201)).body;
    expect(byPerson).toMatchObject({ organisationId: city, personId: mayorPerson.id, personName: 'Thomas Westphal' });

    // Up to a submitted Zielvereinbarung.
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'vorlauf');
    const goal = (await as(leadToken, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen', indicator: 'Wohnungen', baseline: '5', targetValue: '30', targetDate: '2029-12-31' }, 201)).body;
    await as(leadToken, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31', cost: 100000, funding: [{ source: 'company', amount: 100000 }] }, 201);
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const version = (await as(leadToken, 'POST', `${q}/agreement/versions`, { weakActionFields: ['HF2'], windowStart: '2027-01-01' }, 201)).body;
    const v = `${q}/agreement/versions/${version.id}`;

    // The lead's account may sign, its person may not: refused with the reason.
    const refused = await as(leadToken, 'POST', `${v}/signatures`, undefined, 403);
    expect(refused.body.code).toBe('signature.no_authority');
    // The CEO's account may not sign, its person may: signs for the company.
    const first = (await as(await ceo.token(), 'POST', `${v}/signatures`, undefined, 201)).body;
    expect(first).toMatchObject({ becameBinding: false });
    expect(first.version.signatures).toEqual([expect.objectContaining({ organisationId: company, accountId: ceo.id })]);
    const second = (await as(await mayor.token(), 'POST', `${v}/signatures`, undefined, 201)).body;
    expect(second).toMatchObject({ becameBinding: true, version: { status: 'binding' } });
  });

  it('counts participation events, participants and network partners into the process indicators, recomputed not added up', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Hörde Clarenberg', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vonovia', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    for (const [name, role] of [
      ['AWO Unterbezirk Dortmund', 'cooperation_partner'],
      ['Kirchengemeinde Hörde', 'cooperation_partner'],
      ['Vonovia SE', 'lead_partner'],
    ]) {
      const org = (await as(admin, 'POST', '/organisations', { name, type: 'welfare_organisation', programmeId: P }, 201)).body;
      await as(admin, 'POST', `${q}/memberships`, { organisationId: org.id, role }, 201);
    }
    await as(admin, 'POST', `${q}/participation-events`, { type: 'workshop', date: '2026-03-14', participants: { '6-17': 4, '18-64': 20 } }, 201);
    await as(admin, 'POST', `${q}/participation-events`, { type: 'quarter_walk', date: '2026-05-02', participants: { '65-79': 7, '80+': 2 } }, 201);
    await as(admin, 'POST', `${q}/participation-events`, { type: 'survey', date: '2025-10-01', participants: { '18-64': 11 } }, 201);

    // The actors service records the figures with each write; the analysis service counts them in from the event stream.
    const computed = async () => {
      const values = (await as(admin, 'GET', `${q}/indicators?range=[0,99]`, undefined, 200)).body as Array<{ indicatorId: string; referenceDate: string; value: number; source: string }>;
      return values
        .filter((x) => ['participation_events', 'participants_total', 'network_partners'].includes(x.indicatorId))
        .map((x) => [x.indicatorId, x.referenceDate, x.value, x.source])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    };
    const source = 'Beteiligungsnachweis (automatisch)';
    const year = new Date().getUTCFullYear();
    await eventually(async () => JSON.stringify(await computed()).includes('"participation_events","2025-12-31",1'), 'the last recording to be counted');
    expect(await computed()).toEqual([
      ['network_partners', `${year}-12-31`, 2, source],
      ['participants_total', '2025-12-31', 11, source],
      ['participants_total', '2026-12-31', 33, source],
      ['participation_events', '2025-12-31', 1, source],
      ['participation_events', '2026-12-31', 2, source],
    ]);
  });
  it('names a quarter’s housing company as the organisation registered under that name, and merges a duplicate for the programme office', async () => {
    const org = async (name: string, type: string) => (await as(admin, 'POST', '/organisations', { name, type, programmeId: P }, 201)).body.id as string;
    const kept = await org('LEG Wohnen NRW GmbH', 'housing_company');
    const duplicate = await org('LEG NRW', 'housing_company');
    const city = await org('Stadt Gelsenkirchen', 'municipality');
    // A second spelling of a registered name is refused; a quarter typed so takes the registered one.
    const again = await as(admin, 'POST', '/organisations', { name: '  leg   nrw ', type: 'housing_company', programmeId: P }, 409);
    expect(again.body).toMatchObject({ code: 'organisation.already_registered', errors: [{ field: 'name', code: 'organisation.name_taken' }] });
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Gelsenkirchen-Hassel', municipality: 'stadt gelsenkirchen', land: 'Nordrhein-Westfalen', housingCompany: 'leg nrw', programmeId: P });
    expect(quarter).toMatchObject({ municipality: 'Stadt Gelsenkirchen', housingCompany: 'LEG NRW' });
    const q = `/quarters/${quarter.id}`;
    await as(admin, 'POST', `${q}/memberships`, { organisationId: duplicate, role: 'lead_partner' }, 201);
    const email = 'partner@leg-nrw.genq.example';
    const account = (await as(admin, 'POST', '/accounts', { email, displayName: 'LEG', password: DEMO_PASSWORD, role: 'partner', organisationId: duplicate }, 201)).body.id as string;
    const partner = await env.login(email);
    // A measure of the quarter's concept that the duplicate owns (the agreements service keeps it).
    const goal = (await as(admin, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', targetValue: '20', targetDate: '2029-12-31' }, 201)).body;
    const measure = (await as(admin, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge', ownerOrganisationId: duplicate, kind: 'unmittelbar', start: '2027-02-01', end: '2028-12-31' }, 201)).body.id as string;

    // Only the programme office merges, within one kind, never into itself.
    const body = { into: kept, reason: 'Doppelt angelegt: LEG NRW ist die LEG Wohnen NRW GmbH' };
    expect((await as(partner, 'POST', `/organisations/${duplicate}/merge`, body, 403)).body.code).toBe('role.not_allowed');
    const itself = await as(admin, 'POST', `/organisations/${duplicate}/merge`, { ...body, into: duplicate }, 409);
    expect(itself.body).toMatchObject({ code: 'organisation.merge_into_itself', detail: 'Eine Organisation kann nicht mit sich selbst zusammengeführt werden.' });
    const otherKind = await as(admin, 'POST', `/organisations/${duplicate}/merge`, { ...body, into: city }, 409);
    expect(otherKind.body).toMatchObject({ code: 'organisation.merge_other_kind', detail: 'Nur Organisationen derselben Art lassen sich zusammenführen (Wohnungsunternehmen und Kommune).' });
    expect(fieldCodes((await as(admin, 'POST', `/organisations/${duplicate}/merge`, { into: kept }, 400)).body)).toEqual({ reason: 'validation.required' });

    const merged = (await as(admin, 'POST', `/organisations/${duplicate}/merge`, body, 200)).body;
    expect(merged).toMatchObject({ organisation: { id: kept }, merged: { id: duplicate, name: 'LEG NRW' }, moved: { memberships: 1, people: 0, accounts: 1, quarters: 1 } });
    expect((await as(admin, 'GET', `/organisations/${duplicate}`, undefined, 404)).body.code).toBe('organisation.not_found');
    expect((await as(admin, 'GET', q, undefined, 200)).body.housingCompany).toBe('LEG Wohnen NRW GmbH');
    expect((await as(admin, 'GET', `${q}/memberships`, undefined, 200)).body.map((m: { organisationId: string }) => m.organisationId)).toEqual([kept]);
    expect((await as(admin, 'GET', `/accounts/${account}`, undefined, 200)).body.organisationId).toBe(kept);
    // The partner keeps seeing its quarter, now through the organisation kept.
    await as(partner, 'GET', q, undefined, 200);
    const audit = await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'organisation.merge' }))}`, undefined, 200);
    expect(audit.body).toEqual([expect.objectContaining({ resourceId: kept, reason: body.reason })]);
    // The agreements service follows the merge from the event: the measure names the organisation kept.
    await eventually(async () => {
      const concept = (await as(admin, 'GET', `${q}/handlungskonzept`, undefined, 200)).body as { goals: Array<{ measures: Array<{ id: string; ownerOrganisationId: string }> }> };
      return concept.goals.flatMap((g) => g.measures).find((m) => m.id === measure)?.ownerOrganisationId === kept;
    }, 'the agreements service to follow organisation.merged', 180_000);
  });
});
