import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { completeStepsUpToGoalsWorkshop, eventually, recordGoalsWorkshop, createQuarter } from './support/api';
import { launchBrowser, loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * The programme office's reviews and the implementation phase in a real browser, on the demo
 * data: the office sends a Zielvereinbarung back with required changes and the partner reads
 * them; after the certificate a partner proposes an amendment in the console, both partners
 * confirm it there (the city's account without signing authority is refused with the API's
 * reason) and the office accepts it; an annual report is returned with remarks; the partner
 * edits the quarter's size figures and boundary; the dashboard's "Fristen in den nächsten 30
 * Tagen" opens the list filtered to that window. Set-up goes through the API.
 * Screenshots land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(15 * 60_000);

const shot = screenshots('console-review');
const PARTNER = 'partner.dortmund@genq.example';
const FAST = 'genq-e2e-review-fast';
const CITY_NO_AUTHORITY = 'kommune.dortmund@genq.example';
const CITY_SIGNER = 'stadtdirektorin@stadt-dortmund.genq.example';
const REQUIRED_CHANGES = 'Bitte die Kosten der Aufzüge je Haus aufschlüsseln.';

describe('console: review, amendments, report remarks and quarter details', () => {
  let env: ConsoleStack;
  let browser: Browser;

  const api = (token: string, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    env = await startConsoleStack('console-review');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  // The gateway allows ten sign-ins per client and minute, and this test signs in eight
  // accounts after the demo seeding: a 429 waits for the next window instead of failing.
  const login = async (email: string): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      const res = await env.api('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } });
      if (res.status === 200) return res.body.accessToken as string;
      if (res.status !== 429 || attempt >= 12) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  };

  const signIn = async (email: string, role: string): Promise<Page> => {
    const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    for (let attempt = 0; ; attempt++) {
      await loginInBrowser(page, env.consoleUrl, email, DEMO_PASSWORD);
      const signedIn = await page
        .getByTestId('role')
        .filter({ hasText: role })
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        );
      if (signedIn) return page;
      if (attempt >= 8) throw new Error(`sign-in of ${email} in the console failed`);
      await page.waitForTimeout(10_000);
    }
  };

  it('sends back, amends, returns a report and edits the quarter in the console', async () => {
    // A programme whose reporting years last 20 seconds, so that an annual report can be
    // submitted (once its year has ended) within the test; the admin signs in again to have it in scope.
    const first = await login(DEMO_ADMIN.email);
    const nrw = (await api(first, 'GET', '/programmes/genq-nrw-2026', undefined, 200)).body;
    await api(first, 'PUT', `/programmes/${FAST}`, {
      id: FAST,
      name: 'Schnelles Testprogramm',
      catalogueId: nrw.catalogueId,
      catalogueVersion: nrw.catalogueVersion,
      calendar: { ...nrw.calendar, implementationPhase: { duration: 'PT60S', annualReportEvery: 'PT20S', reportDueWithin: 'PT5M' } },
    }, 200);
    const admin = await login(DEMO_ADMIN.email);
    const partnerToken = await login(PARTNER);
    const quarters = (await api(admin, 'GET', `/quarters?range=${encodeURIComponent('[0,99]')}`, undefined, 200)).body as Array<{ id: string; name: string }>;
    const quarter = quarters.find((x) => x.name === 'Scharnhorst-Ost')!;
    const q = `/quarters/${quarter.id}`;

    // Set-up through the API: the process up to Abstimmung und Beschluss, the city's signatory, a goal with one measure.
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'console-review');
    const memberships = (await api(admin, 'GET', `${q}/memberships`, undefined, 200)).body as Array<{ organisationId: string; organisationName: string }>;
    const company = memberships.find((m) => m.organisationName === 'DOGEWO21')!;
    const city = memberships.find((m) => m.organisationName === 'Stadt Dortmund')!;
    await api(admin, 'POST', '/accounts', { email: CITY_SIGNER, displayName: 'Stadtdirektorin (Test)', password: DEMO_PASSWORD, role: 'partner', organisationId: city.organisationId, canSign: true }, 201);
    const cityToken = await login(CITY_SIGNER);
    const goal = (await api(partnerToken, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', indicator: 'Wohnungen', baseline: '12', targetValue: '40', targetDate: '2029-12-31' }, 201)).body;
    const measure = (await api(partnerToken, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company.organisationId, start: '2027-03-01', end: '2028-12-31', cost: 480000 }, 201)).body;
    const submitBoth = async () => {
      const v = (await api(partnerToken, 'POST', `${q}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201)).body;
      await api(partnerToken, 'POST', `${q}/agreement/versions/${v.id}/signatures`, undefined, 201);
      await api(cityToken, 'POST', `${q}/agreement/versions/${v.id}/signatures`, undefined, 201);
      return v as { id: string; number: number };
    };
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const v1 = await submitBoth();

    // 1. The programme office sends version 1 back with required changes in the review dialog.
    const office = await signIn(DEMO_ADMIN.email, 'Programmstelle (Administration)');
    await office.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/agreement`);
    const officeV1 = office.getByTestId('agreement-tab').getByTestId('version-1');
    await officeV1.getByText('verbindlich – wartet auf Prüfung').waitFor();
    await officeV1.getByRole('button', { name: 'Prüfentscheidung' }).click();
    let dialog = office.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Entscheidung' }).click();
    await office.getByRole('option', { name: /zurückgeben/ }).click();
    await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
    await dialog.getByText('ist ein Pflichtfeld.').waitFor(); // the API's field problem (validation.required), said in German at the field
    await dialog.getByLabel('Geforderte Änderungen').fill(REQUIRED_CHANGES);
    await shot(office, '1-send-back-dialog');
    await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
    await dialog.waitFor({ state: 'detached' });
    await officeV1.getByTestId('version-status').filter({ hasText: 'zurückgegeben' }).waitFor();
    expect((await api(admin, 'GET', `${q}/agreement/versions`, undefined, 200)).body.find((v: { id: string }) => v.id === v1.id)).toMatchObject({
      status: 'sent_back',
      requiredChanges: REQUIRED_CHANGES,
    });

    // The partner sees the required changes at the version.
    const partner = await signIn(PARTNER, 'Partnerorganisation');
    await partner.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/agreement`);
    const partnerV1 = partner.getByTestId('agreement-tab').getByTestId('version-1');
    await partnerV1.getByText(`Geforderte Änderungen: ${REQUIRED_CHANGES}`).waitFor();
    await partnerV1.getByTestId('version-status').filter({ hasText: 'zurückgegeben' }).waitFor();
    await shot(partner, '2-partner-sees-required-changes');

    // Version 2 is submitted, signed and approved through the API: the quarter is certified.
    const v2 = await submitBoth();
    await api(admin, 'POST', `${q}/agreement/versions/${v2.id}/review`, { decision: 'approved' }, 200);
    await api(admin, 'GET', `${q}/certificate`, undefined, 200);

    // 2. An amendment in the console: the partner proposes, a 400 shows at the fields first.
    await partner.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/amendments`);
    const panel = partner.getByTestId('amendments-panel');
    await panel.getByText('Noch keine Änderungen.').waitFor();
    await panel.getByRole('button', { name: 'Änderung vorschlagen' }).click();
    dialog = partner.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Änderung vorschlagen' }).click();
    // Each field's message from its problem code, in German, beside the field (description and reason).
    await dialog.getByText(/^(ist ein Pflichtfeld|darf nicht leer sein)\.$/).nth(1).waitFor();
    // ... and the measure to replace, which a replacement requires.
    await dialog.getByText(/^(ist ein Pflichtfeld|darf nicht leer sein)\.$/).nth(2).waitFor();
    await dialog.getByLabel('Kurzbeschreibung').fill('Treppenlifte statt Aufzüge');
    await dialog.getByLabel('Begründung').fill('Die Statik der Häuser lässt keine Aufzüge zu.');
    await dialog.getByRole('combobox', { name: 'Maßnahme der Zielvereinbarung' }).click();
    await partner.getByRole('option', { name: /Aufzüge nachrüsten/ }).click();
    // The new measure starts from the replaced one's owner and schedule.
    await expect(dialog.getByLabel('Beginn').inputValue()).resolves.toBe('2027-03-01');
    await dialog.getByRole('combobox', { name: 'Verantwortliche Organisation' }).filter({ hasText: 'DOGEWO21' }).waitFor();
    await dialog.getByLabel('Titel der neuen Maßnahme').fill('Treppenlifte einbauen');
    await dialog.getByLabel('Kosten (€)').fill('150.000');
    await shot(partner, '3-amendment-proposal');
    await dialog.getByRole('button', { name: 'Änderung vorschlagen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = panel.getByTestId('amendment-3');
    await row.getByText('vorgeschlagen – wartet auf Bestätigung').waitFor();
    await row.getByText('„Aufzüge nachrüsten“ wird ersetzt durch „Treppenlifte einbauen“').waitFor();
    await row.getByText('Kommune: ausstehend').waitFor();
    let [amendment] = (await api(admin, 'GET', `${q}/amendments`, undefined, 200)).body;
    expect(amendment).toMatchObject({ status: 'proposed', description: 'Treppenlifte statt Aufzüge', changes: [{ action: 'replace', measureId: measure.id, title: 'Treppenlifte einbauen' }] });
    await expect(panel.getByRole('button', { name: 'Änderung vorschlagen' }).count()).resolves.toBe(0); // one open amendment at a time

    // The partner confirms for DOGEWO21.
    await row.getByRole('button', { name: 'Bestätigen (unterzeichnen)' }).click();
    await row.getByTestId('amendment-confirmations').getByText(/Wohnungsunternehmen: DOGEWO21 am/).waitFor();
    await expect(row.getByRole('button', { name: 'Bestätigen (unterzeichnen)' }).count()).resolves.toBe(0);

    // The city's account without signing authority is refused with the API's reason, in German.
    const noAuthority = await signIn(CITY_NO_AUTHORITY, 'Partnerorganisation');
    await noAuthority.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/amendments`);
    await noAuthority.getByTestId('amendment-3').getByRole('button', { name: 'Bestätigen (unterzeichnen)' }).click();
    await noAuthority.getByText('Nicht ausgeführt: Ihr Konto hat keine Zeichnungsbefugnis für Ihre Organisation.').waitFor();
    await shot(noAuthority, '4-confirmation-refused');
    await noAuthority.close();

    // The city's signatory confirms in the console: both partners have confirmed.
    const citySigner = await signIn(CITY_SIGNER, 'Partnerorganisation');
    await citySigner.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/amendments`);
    const cityRow = citySigner.getByTestId('amendment-3');
    await cityRow.getByRole('button', { name: 'Bestätigen (unterzeichnen)' }).click();
    await cityRow.getByText('bestätigt – wartet auf Annahme').waitFor();
    await cityRow.getByTestId('amendment-confirmations').getByText(/Kommune: Stadt Dortmund am/).waitFor();
    await expect(cityRow.getByRole('button', { name: 'Annehmen' }).count()).resolves.toBe(0);
    await citySigner.close();

    // The programme office accepts.
    await office.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/amendments`);
    const officeRow = office.getByTestId('amendment-3');
    await expect(officeRow.getByRole('button', { name: 'Bestätigen (unterzeichnen)' }).count()).resolves.toBe(0);
    await officeRow.getByRole('button', { name: 'Annehmen' }).click();
    await officeRow.getByText('angenommen', { exact: true }).waitFor();
    await officeRow.getByText(/Angenommen am/).waitFor();
    await shot(office, '5-amendment-accepted');
    [amendment] = (await api(admin, 'GET', `${q}/amendments`, undefined, 200)).body;
    expect(amendment).toMatchObject({ status: 'accepted', confirmedBy: expect.arrayContaining(['housing_company', 'municipality']), version: { number: 3, status: 'approved' } });

    // The next amendment, proposed through the API, is rejected by the programme office in the console: the reason is required.
    const next = (await api(partnerToken, 'POST', `${q}/amendments`, {
      description: 'Treppenlifte entfallen',
      reason: 'Kosten zu hoch',
      changes: [{ action: 'replace', measureId: amendment.changes[0].newMeasureId, measure: { title: 'Rampen bauen', kind: 'unmittelbar', ownerOrganisationId: company.organisationId, start: '2027-03-01', end: '2028-12-31' } }],
    }, 201)).body;
    await office.getByRole('tab', { name: 'Berichte' }).click();
    await office.getByRole('tab', { name: 'Änderungen' }).click();
    const rejectRow = office.getByTestId('amendment-4');
    await rejectRow.getByText('vorgeschlagen – wartet auf Bestätigung').waitFor();
    await rejectRow.getByRole('button', { name: 'Ablehnen' }).click();
    const rejectDialog = office.getByTestId('amendment-reject-dialog');
    await rejectDialog.getByRole('button', { name: 'Änderung ablehnen' }).click();
    await rejectDialog.getByText('Bitte geben Sie einen Grund für die Ablehnung an.').waitFor();
    await rejectDialog.getByLabel('Grund der Ablehnung').fill('Rampen sind an den Hauseingängen baulich nicht möglich.');
    await shot(office, '5b-amendment-rejection');
    await rejectDialog.getByRole('button', { name: 'Änderung ablehnen' }).click();
    await rejectDialog.waitFor({ state: 'detached' });
    await rejectRow.getByText('abgelehnt', { exact: true }).waitFor();
    await rejectRow.getByText('Grund der Ablehnung: Rampen sind an den Hauseingängen baulich nicht möglich.').waitFor();
    await expect(rejectRow.getByRole('button', { name: 'Ablehnen' }).count()).resolves.toBe(0);
    await shot(office, '5c-amendment-rejected');
    expect((await api(admin, 'GET', `${q}/amendments/${next.id}`, undefined, 200)).body).toMatchObject({ status: 'rejected', version: { status: 'sent_back' } });

    // 3. An annual report, written and submitted through the API once its reporting year has
    // ended, is returned with remarks in the console (a quarter of the fast programme, certified through the API).
    const fast = await createQuarter(env.apiAs(admin), { name: 'Hörde Phoenix-See', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: FAST });
    const fq = `/quarters/${fast.id}`;
    await api(admin, 'POST', `${fq}/memberships`, { organisationId: company.organisationId, role: 'lead_partner' }, 201);
    await api(admin, 'POST', `${fq}/memberships`, { organisationId: city.organisationId, role: 'co_partner' }, 201);
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), fq, 'console-review-fast');
    const fastGoal = (await api(partnerToken, 'POST', `${fq}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', indicator: 'Wohnungen', targetValue: '40', targetDate: '2029-12-31' }, 201)).body;
    await api(partnerToken, 'POST', `${fq}/measures`, { goalId: fastGoal.id, title: 'Treppenlifte einbauen', kind: 'unmittelbar', ownerOrganisationId: company.organisationId, start: '2027-03-01', end: '2028-12-31' }, 201);
    await recordGoalsWorkshop(env.apiAs(admin), fq);
    const fv = (await api(partnerToken, 'POST', `${fq}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201)).body;
    await api(partnerToken, 'POST', `${fq}/agreement/versions/${fv.id}/signatures`, undefined, 201);
    await api(cityToken, 'POST', `${fq}/agreement/versions/${fv.id}/signatures`, undefined, 201);
    await api(admin, 'POST', `${fq}/agreement/versions/${fv.id}/review`, { decision: 'approved' }, 200);
    const windows = await eventually(async () => (await api(admin, 'GET', `${fq}/certificate`, undefined, 200)).body.reportWindows.length > 0 && (await api(admin, 'GET', `${fq}/certificate`, undefined, 200)).body.reportWindows, 'the report windows from the process');
    const report = (await api(partnerToken, 'POST', `${fq}/reports`, { year: 1, text: 'Im ersten Jahr wurden die Treppenlifte beauftragt.' }, 201)).body;
    await new Promise((r) => setTimeout(r, Math.max(new Date(windows[0].opensAt).getTime() - Date.now() + 500, 0)));
    await api(partnerToken, 'POST', `${fq}/reports/${report.id}/submission`, undefined, 200);
    await office.goto(`${env.consoleUrl}/#/quarters/${fast.id}/show`);
    await office.getByRole('tab', { name: 'Berichte' }).click();
    const officeReport = office.getByTestId('report-1');
    await officeReport.getByRole('button', { name: 'Zurückgeben' }).click();
    await officeReport.getByText('ist ein Pflichtfeld.').waitFor(); // the API's field problem (validation.required), in German, at the remarks field
    await officeReport.getByLabel('Anmerkungen der Programmstelle').fill('Bitte die Kosten bisher ergänzen.');
    await officeReport.getByRole('button', { name: 'Zurückgeben' }).click();
    await officeReport.getByText('Anmerkungen: Bitte die Kosten bisher ergänzen.').waitFor();
    await officeReport.getByText('zurückgegeben').first().waitFor();
    await shot(office, '6-report-returned');
    expect((await api(admin, 'GET', `${fq}/reports/${report.id}`, undefined, 200)).body).toMatchObject({ status: 'returned', remarks: 'Bitte die Kosten bisher ergänzen.' });
    // The process chases the returned report again.
    await eventually(async () => (await api(admin, 'GET', `${fq}/process`, undefined, 200)).body.reports[0].status === 'active', 'the returned report to be due again');

    // 4. The partner edits the quarter's size figures and boundary; errors show at the fields.
    await partner.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show`);
    const details = partner.getByTestId('quarter-details');
    await details.getByRole('button', { name: 'Quartiersdaten bearbeiten' }).click();
    dialog = partner.getByRole('dialog');
    await dialog.getByLabel('Wohnungen (Anzahl)').fill('1.850');
    await dialog.getByLabel('Einwohnerinnen und Einwohner (Anzahl)').fill('4.200');
    await dialog.getByLabel('Fläche (ha)').fill('zwölf');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte eine Zahl eingeben (z. B. 1.850 oder 38,5).').waitFor();
    await dialog.getByLabel('Fläche (ha)').fill('38,5');
    await dialog.getByLabel('Gebietsgrenze (GeoJSON)').fill(JSON.stringify({ type: 'Point', coordinates: [7.53, 51.53] }));
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('muss Polygon oder MultiPolygon sein.', { exact: false }).waitFor(); // the API's field problem (boundary.unknown_type), in German, at the boundary field
    const unchanged = (await api(admin, 'GET', q, undefined, 200)).body;
    expect(unchanged.flats).toBeNull();
    const ring = [
      [7.52, 51.52],
      [7.54, 51.52],
      [7.54, 51.54],
      [7.52, 51.54],
      [7.52, 51.52],
    ];
    await dialog.getByLabel('Gebietsgrenze (GeoJSON)').fill(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    await shot(partner, '7-quarter-details-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await details.getByTestId('quarter-flats').filter({ hasText: '1.850' }).waitFor();
    await details.getByTestId('quarter-residents').filter({ hasText: '4.200' }).waitFor();
    await details.getByTestId('quarter-area').filter({ hasText: '38,5 ha' }).waitFor();
    await details.getByTestId('quarter-boundary').filter({ hasText: 'Polygon mit 4 Eckpunkten' }).waitFor();
    await shot(partner, '8-quarter-details');
    expect((await api(admin, 'GET', q, undefined, 200)).body).toMatchObject({ flats: 1850, residents: 4200, areaHa: 38.5, boundary: { type: 'Polygon', coordinates: [ring] } });

    // Who may not edit (the viewer) does not get the button.
    const viewer = await signIn('viewer@genq.example', 'Lesezugriff');
    await viewer.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show`);
    await viewer.getByTestId('quarter-details').getByTestId('quarter-area').filter({ hasText: '38,5 ha' }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Quartiersdaten bearbeiten' }).count()).resolves.toBe(0);
    await viewer.close();

    // 5. The dashboard's "Fristen in den nächsten 30 Tagen" opens the list with that window, and counts what it lists.
    const bad = await api(admin, 'GET', `/quarters?filter=${encodeURIComponent(JSON.stringify({ nextDueBefore: '31.12.2026' }))}`, undefined, 400);
    expect(bad.body).toMatchObject({ code: 'list.invalid', errors: [{ field: 'filter.nextDueBefore', code: 'validation.isDateString' }] });
    await office.goto(`${env.consoleUrl}/#/`);
    const card = office.getByTestId('dashboard-upcoming-count');
    await card.waitFor();
    const dashboard = (await api(admin, 'GET', '/dashboard', undefined, 200)).body;
    await card.click();
    await office.waitForURL(/#\/quarters\?.*nextDueBefore/);
    const filter = JSON.parse(new URL(office.url().replace('/#/', '/')).searchParams.get('filter')!) as Record<string, string>;
    expect(Object.keys(filter).sort()).toEqual(['nextDueAfter', 'nextDueBefore']);
    expect(new Date(filter.nextDueBefore!).getTime() - new Date(filter.nextDueAfter!).getTime()).toBe(30 * 86_400_000);
    const listed = await api(admin, 'GET', `/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`, undefined, 200);
    expect(Number(listed.headers.get('content-range')!.split('/')[1])).toBe(dashboard.upcoming.count);
    await office.getByLabel('Nächste Frist vor').waitFor();
    if (dashboard.upcoming.count > 0) await office.locator('tbody tr').first().waitFor();
    await expect(office.locator('tbody tr').count()).resolves.toBe(Math.min(dashboard.upcoming.count, 25));
    await shot(office, '9-deadlines-next-30-days');

    await office.close();
    await partner.close();
  });
});
