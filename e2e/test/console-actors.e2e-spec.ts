import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { adminWithProgramme, createQuarter, eventually, type Call } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * The programme office records the actors of a quarter in a real browser against the whole
 * stack: registers an organisation, records a person of it with signing authority
 * (Zeichnungsbefugnis), and adds the organisation with that person to the quarter's Akteure
 * tab. Screenshots of each screen land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-actors');
const P = 'genq-nrw-2026';

describe('console: organisations, people and the quarter’s actors', () => {
  let env: ConsoleStack;
  let api: Call;
  let quarterId: string;

  beforeAll(async () => {
    env = await startConsoleStack('console-actors', { seed: false });
    api = env.apiAs(await adminWithProgramme(env, P, 'GenQ NRW 2026'));
    quarterId = (await createQuarter(api, { name: 'Scharnhorst Ost', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: P })).id;
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('creates an organisation and a person with signing authority, and adds them to the quarter', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');

    // The menu offers the new resources to the programme office.
    await page.getByRole('menuitem', { name: 'Organisationen' }).click();
    await page.waitForURL(/#\/organisations/);
    await page.getByRole('link', { name: 'Anlegen' }).click();

    // An organisation; the server's answer decides, the form shows it.
    await page.getByRole('textbox', { name: /^Name/ }).fill('Planerladen e. V.');
    await page.getByRole('combobox', { name: /^Art/ }).click();
    await page.getByRole('option', { name: 'Freier Träger' }).click();
    await page.getByRole('combobox', { name: /^Programm/ }).click();
    await page.getByRole('option', { name: 'GenQ NRW 2026' }).click();
    await shot(page, '1-organisation-create');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/#\/organisations\/[0-9a-f-]{36}\/show/);
    await page.getByText('Für diese Organisation sind noch keine Personen erfasst.').waitFor();
    const organisationId = /organisations\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // A person of it, with signing authority; the create form starts with the organisation chosen.
    await page.getByRole('link', { name: 'Person erfassen' }).click();
    await page.waitForURL(/#\/people\/create/);
    await page.getByRole('combobox', { name: /^Organisation/ }).filter({ hasText: 'Planerladen e. V.' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Dr. Anna Schmidt');
    await page.getByLabel('Funktion').fill('Geschäftsführerin');
    await page.getByLabel('E-Mail-Adresse').fill('kein-e-mail');
    await page.getByLabel('Zeichnungsbefugnis').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    // The console's own check refuses an impossible e-mail address before anything is sent.
    await page
      .getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein')
      .waitFor({ timeout: 10_000 })
      .catch(async (err: Error) => {
        await shot(page, 'failed-email-check');
        throw err;
      });
    await page.getByLabel('E-Mail-Adresse').fill('anna.schmidt@planerladen.example');
    await shot(page, '2-person-create');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/#\/people$|#\/people\?/);
    await page.locator('tbody tr').filter({ hasText: 'Dr. Anna Schmidt' }).filter({ hasText: 'Planerladen e. V.' }).waitFor();
    await shot(page, '3-people-list');

    const people = await api('GET', `/people?filter=${encodeURIComponent(JSON.stringify({ organisationId }))}`);
    expect(people.body).toEqual([expect.objectContaining({ name: 'Dr. Anna Schmidt', role: 'Geschäftsführerin', email: 'anna.schmidt@planerladen.example', signingAuthority: true })]);

    // The organisation's page lists its people.
    await page.goto(`${env.consoleUrl}/#/organisations/${organisationId}/show`);
    await page.locator('tbody tr').filter({ hasText: 'Dr. Anna Schmidt' }).filter({ hasText: 'Geschäftsführerin' }).waitFor();
    await shot(page, '4-organisation-show');

    // "Organisation beteiligen" in the quarter's Akteure tab, with the person and a role.
    await page.goto(`${env.consoleUrl}/#/quarters/${quarterId}/show/actors`);
    await page.getByText('Noch keine Organisationen beteiligt.').waitFor();
    const form = page.getByTestId('add-membership');
    await form.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: 'Planerladen e. V.' }).click();
    await form.getByRole('combobox', { name: 'Ansprechperson (optional)' }).click();
    await page.getByRole('option', { name: 'Dr. Anna Schmidt (Geschäftsführerin)' }).click();
    await form.getByRole('combobox', { name: 'Rolle im Quartier' }).click();
    await page.getByRole('option', { name: 'Kooperationspartner' }).click();
    await form.getByRole('button', { name: 'Beteiligen' }).click();
    await page.getByText('Ansprechperson: Dr. Anna Schmidt').waitFor();
    await page.getByText('Planerladen e. V.', { exact: true }).first().waitFor();
    await shot(page, '5-quarter-actors');

    const memberships = await api('GET', `/quarters/${quarterId}/memberships`);
    expect(memberships.body).toEqual([expect.objectContaining({ organisationId, role: 'cooperation_partner', personName: 'Dr. Anna Schmidt' })]);
    // The membership counts as a network partner in the quarter's process indicators.
    const indicators = await eventually(async () => {
      const r = await api('GET', `/quarters/${quarterId}/indicators?filter=${encodeURIComponent('{"indicatorId":"network_partners"}')}`);
      return r.body.length > 0 && r;
    }, 'the membership to be counted');
    expect(indicators.body).toEqual([expect.objectContaining({ value: 1, source: 'Beteiligungsnachweis (automatisch)' })]);
  });

  it('creates a quarter from the organisations (registering the municipality on the spot) and merges a duplicate housing company', async () => {
    const company = (await api('POST', '/organisations', { name: 'DOGEWO21', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const duplicate = (await api('POST', '/organisations', { name: 'Dogewo 21 GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    // The quarter registered before DOGEWO21 was holds it now.
    expect((await api('GET', `/quarters/${quarterId}`)).body).toMatchObject({ housingCompany: 'DOGEWO21', housingCompanyId: company });
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');

    await page.goto(`${env.consoleUrl}/#/quarters/create`);
    await page.getByRole('combobox', { name: /^Programm/ }).click();
    await page.getByRole('option', { name: 'GenQ NRW 2026' }).click();
    await page.getByRole('textbox', { name: /^Quartier/ }).fill('Hörde Clarenberg');
    // No municipality is registered yet: typed, it is offered for registration.
    await page.getByRole('combobox', { name: /^Kommune/ }).fill('Stadt Dortmund');
    await page.getByRole('option', { name: '„Stadt Dortmund“ neu anlegen' }).click();
    await page.getByText('Organisation „Stadt Dortmund“ angelegt').waitFor();
    await page.getByRole('combobox', { name: /^Land/ }).click();
    await page.getByRole('option', { name: 'Nordrhein-Westfalen' }).click();
    // The housing company is picked from the registered ones by a typed search.
    await page.getByRole('combobox', { name: /^Wohnungsunternehmen/ }).fill('dogew');
    await page.getByRole('option', { name: 'Dogewo 21 GmbH', exact: true }).waitFor();
    await page.getByRole('option', { name: 'DOGEWO21', exact: true }).click();
    await shot(page, '6-quarter-create-from-organisations');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/#\/quarters\/[0-9a-f-]{36}\/show/);
    const created = /quarters\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect((await api('GET', `/quarters/${created}`)).body).toMatchObject({ name: 'Hörde Clarenberg', municipality: 'Stadt Dortmund', housingCompany: 'DOGEWO21' });
    const cities = await api('GET', `/organisations?filter=${encodeURIComponent(JSON.stringify({ type: 'municipality', programmeId: P }))}`);
    expect(cities.body.map((o: { name: string }) => o.name)).toEqual(['Stadt Dortmund']);
    // The quarter holds both organisations: its overview links to their pages.
    expect((await api('GET', `/quarters/${created}`)).body).toMatchObject({ municipalityId: cities.body[0].id, housingCompanyId: company });
    const companyLink = page.getByTestId('quarter-housingCompany-link');
    await companyLink.waitFor();
    expect(await companyLink.textContent()).toBe('DOGEWO21');
    expect(await companyLink.getAttribute('href')).toBe(`#/organisations/${company}/show`);
    await page.getByTestId('quarter-municipality-link').click();
    await page.waitForURL(new RegExp(`#/organisations/${cities.body[0].id}/show`));

    // "Zusammenführen" on the duplicate: it goes into DOGEWO21, with a reason for the log.
    await page.goto(`${env.consoleUrl}/#/organisations/${duplicate}/show`);
    await page.getByTestId('organisation-merge').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Bleibende Organisation/ }).click();
    await page.getByRole('option', { name: 'DOGEWO21', exact: true }).click();
    await dialog.getByRole('textbox', { name: /^Begründung/ }).fill('Doppelt angelegt');
    await dialog.getByText('„Dogewo 21 GmbH“ wird in „DOGEWO21“ überführt und entfernt.', { exact: false }).waitFor();
    await shot(page, '7-organisation-merge');
    await dialog.getByTestId('organisation-merge-confirm').click();
    await page.waitForURL(new RegExp(`#/organisations/${company}/show`));
    await page.getByText('„Dogewo 21 GmbH“ ist in „DOGEWO21“ aufgegangen', { exact: false }).waitFor();
    expect((await api('GET', `/organisations/${duplicate}`)).status).toBe(404);
    await page.close();
  });

  it('shows a quarter whose workflow the worker has not started yet as being started, then its process', async () => {
    // The worker is down: the registration is acknowledged, its start waits in the event stream.
    await env.stack.apps.worker!.kill();
    const pending = (await api('POST', '/quarters', { name: 'Eving', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vivawest', programmeId: P }, 201)).body;
    expect(pending).toMatchObject({ workflowStartedAt: null, process: null });
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
    await page.goto(`${env.consoleUrl}/#/quarters/${pending.id}/show`);
    const starting = page.getByTestId('process-starting');
    await starting.waitFor();
    expect(await starting.textContent()).toContain('Der Prozess wird gestartet');
    // Neither "Dortmund" nor "Vivawest" is a registered organisation: plain names, no links.
    expect(pending).toMatchObject({ municipalityId: null, housingCompanyId: null });
    await page.getByText('Vivawest', { exact: true }).first().waitFor();
    expect(await page.getByTestId('quarter-housingCompany-link').count()).toBe(0);
    expect(await page.getByTestId('quarter-municipality-link').count()).toBe(0);
    await shot(page, '8-process-starting');
    // The worker comes back and starts the workflow from the stream; the panel, asking again, shows it.
    await env.stack.replaceWorker();
    await page.getByTestId('process-panel').waitFor({ timeout: 60_000 });
    await page.getByText('Entwicklungsphase').first().waitFor();
    await shot(page, '9-process-started');
  });
});
