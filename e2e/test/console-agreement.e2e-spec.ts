import { readFileSync } from 'node:fs';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { completeStepsUpToGoalsWorkshop, recordGoalsWorkshop } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * The Handlungskonzept to the certificate in a real browser (issue 6), on the demo data as
 * `npm start` seeds it: DOGEWO21's signatory (partner.dortmund, Zeichnungsbefugnis) adds a goal
 * and a measure through the console's forms, sees the gaps the API reports, submits the
 * Zielvereinbarung and signs it; the city signs through the API (the demo city account may
 * not sign); the programme office approves in the console and downloads the certificate PDF
 * with its bearer token. Screenshots of each tab land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(15 * 60_000);

const shot = screenshots('console-agreement');
const PARTNER = 'partner.dortmund@genq.example';
const CITY_SIGNER = 'oberbuergermeister@stadt-dortmund.genq.example';

describe('console: goals, measures, signing and approving the Zielvereinbarung', () => {
  let env: ConsoleStack;

  const login = (email: string) => env.login(email);
  const api = (token: string, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    env = await startConsoleStack('console-agreement');
  });

  afterAll(() => env?.stop());

  const signIn = async (email: string, role: string) => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    return loginInBrowser(page, env.consoleUrl, email, DEMO_PASSWORD, role);
  };

  it('drafts in the forms, signs as the partner, approves as the programme office and downloads the certificate', async () => {
    const admin = await login(DEMO_ADMIN.email);
    const quarters = (await api(admin, 'GET', `/quarters?range=${encodeURIComponent('[0,99]')}`, undefined, 200)).body as Array<{ id: string; name: string }>;
    const quarter = quarters.find((q) => q.name === 'Scharnhorst-Ost')!;
    const q = `/quarters/${quarter.id}`;

    // The process up to Abstimmung und Beschluss, as the earlier steps would have left it.
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'console-agreement');
    // The demo city account has no signing authority: the city's signatory is made here.
    const memberships = (await api(admin, 'GET', `${q}/memberships`, undefined, 200)).body as Array<{ organisationId: string; organisationName: string }>;
    const city = memberships.find((m) => m.organisationName === 'Stadt Dortmund')!;
    await api(admin, 'POST', '/accounts', { email: CITY_SIGNER, displayName: 'Oberbürgermeister (Test)', password: DEMO_PASSWORD, role: 'partner', organisationId: city.organisationId, canSign: true }, 201);

    // The partner: same tabs, no programme-office buttons and no audit log.
    const partner = await signIn(PARTNER, 'Partnerorganisation');
    await partner.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/concept`);
    const concept = partner.getByTestId('concept-tab');
    await concept.waitFor();
    await expect(partner.getByRole('tab', { name: 'Protokoll' }).count()).resolves.toBe(0);

    // A goal through the form: a 400 shows the API's message at the field, then it is saved.
    await concept.getByTestId('action-field-HF2').getByRole('button', { name: 'Ziel hinzufügen' }).click();
    let dialog = partner.getByRole('dialog');
    await dialog.getByLabel('Indikator').fill('Barrierearme Wohnungen');
    await dialog.getByLabel('Zielwert', { exact: true }).fill('40');
    await dialog.getByLabel('Zieldatum').fill('2029-12-31');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    // The field's message from its problem code, in German, beside the field (it does not name the field).
    await dialog.getByText(/^(ist ein Pflichtfeld|darf nicht leer sein)\.$/).first().waitFor();
    await dialog.getByLabel('Titel').fill('Barrierearme Wohnungen schaffen');
    await dialog.getByLabel('Ausgangswert').fill('12');
    await dialog.getByRole('combobox', { name: 'Zielgruppen' }).click();
    await partner.getByRole('option', { name: 'Hochbetagte' }).click();
    await partner.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const goalBox = concept.getByTestId('action-field-HF2').locator('[data-testid^="goal-"]').filter({ hasText: 'Barrierearme Wohnungen schaffen' });
    await goalBox.waitFor();
    await goalBox.getByText('Zielwert 40 bis 31.12.2029', { exact: false }).waitFor();

    // Submitting now is refused with every gap, shown in both tabs.
    await partner.getByRole('tab', { name: 'Zielvereinbarung' }).click();
    const agreement = partner.getByTestId('agreement-tab');
    await agreement.getByRole('button', { name: 'Neue Version einreichen' }).click();
    dialog = partner.getByRole('dialog');
    await dialog.getByLabel('Beginn des Umsetzungszeitraums').fill('2027-01-01');
    await dialog.getByRole('button', { name: 'Neue Version einreichen' }).click();
    await agreement.getByTestId('agreement-gaps').getByText('Ziel ohne Maßnahme').waitFor();
    await partner.getByRole('tab', { name: 'Ziele und Maßnahmen' }).click();
    await partner.getByTestId('concept-gaps').getByText('Ziel ohne Maßnahme').waitFor();
    await goalBox.getByText('Ziel ohne Maßnahme').waitFor();

    // A measure through the form, with owner, schedule and funding.
    await goalBox.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
    dialog = partner.getByRole('dialog');
    await dialog.getByLabel('Titel').fill('Aufzüge nachrüsten');
    await dialog.getByRole('combobox', { name: 'Verantwortliche Organisation' }).click();
    await partner.getByRole('option', { name: 'DOGEWO21' }).click();
    await dialog.getByRole('combobox', { name: 'Beteiligte Organisationen' }).click();
    await partner.getByRole('option', { name: 'Stadt Dortmund' }).click();
    await partner.keyboard.press('Escape');
    await dialog.getByLabel('Beginn').fill('2027-03-01');
    await dialog.getByLabel('Ende').fill('2028-12-31');
    await dialog.getByLabel('Kosten (€)').fill('480000');
    await dialog.getByRole('combobox', { name: 'Finanzierung durch' }).click();
    await partner.getByRole('option', { name: 'Wohnungsunternehmen' }).click();
    await dialog.getByLabel('Betrag (€)').fill('480000');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const measureRow = goalBox.locator('tbody tr').filter({ hasText: 'Aufzüge nachrüsten' });
    await measureRow.getByText('DOGEWO21').waitFor();
    await expect(measureRow.textContent()).resolves.toMatch(/01\.03\.2027.*31\.12\.2028/);
    await expect(measureRow.textContent()).resolves.toContain('480.000');
    await shot(partner, '1-goals-and-measures');
    const drafted = (await api(admin, 'GET', `${q}/handlungskonzept`, undefined, 200)).body;
    expect(drafted.goals).toHaveLength(1);
    expect(drafted.goals[0]).toMatchObject({ actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', baseline: '12', targetGroups: ['Hochbetagte'] });
    expect(drafted.goals[0].measures[0]).toMatchObject({ title: 'Aufzüge nachrüsten', ownerOrganisationId: expect.any(String), partnerOrganisationIds: [city.organisationId], cost: 480000, funding: [{ source: 'company', amount: 480000 }] });

    // The goals workshop agreed the draft (recorded through the API here; its form is tested in console-process).
    await recordGoalsWorkshop(env.apiAs(admin), q);

    // Submitted, then signed by the partner in the console.
    await partner.getByRole('tab', { name: 'Zielvereinbarung' }).click();
    await agreement.getByRole('button', { name: 'Neue Version einreichen' }).click();
    dialog = partner.getByRole('dialog');
    await dialog.getByLabel('Beginn des Umsetzungszeitraums').fill('2027-01-01');
    await dialog.getByRole('button', { name: 'Neue Version einreichen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const v1 = agreement.getByTestId('version-1');
    await v1.getByText('eingereicht – wartet auf Unterschriften').waitFor();
    await expect(agreement.getByTestId('agreement-gaps').count()).resolves.toBe(0);
    await expect(agreement.getByRole('button', { name: 'Prüfentscheidung' }).count()).resolves.toBe(0);

    // Submitted: the concept tab says so and offers no new goal or measure (the API refuses them).
    await partner.getByRole('tab', { name: 'Ziele und Maßnahmen' }).click();
    await concept.getByTestId('concept-locked').waitFor();
    await goalBox.waitFor();
    await expect(concept.getByRole('button', { name: 'Ziel hinzufügen' }).count()).resolves.toBe(0);
    await expect(concept.getByRole('button', { name: 'Maßnahme hinzufügen' }).count()).resolves.toBe(0);
    await partner.getByRole('tab', { name: 'Zielvereinbarung' }).click();
    await v1.waitFor();

    // The city's demo account may not sign: the console shows the API's reason in German.
    const noAuthority = await signIn('kommune.dortmund@genq.example', 'Partnerorganisation');
    await noAuthority.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/agreement`);
    await noAuthority.getByTestId('version-1').getByRole('button', { name: 'Unterzeichnen' }).click();
    await noAuthority.getByText('Nicht ausgeführt: Ihr Konto hat keine Zeichnungsbefugnis für Ihre Organisation.').waitFor();
    await shot(noAuthority, '2a-signing-refused');
    await noAuthority.close();

    await v1.getByRole('button', { name: 'Unterzeichnen' }).click();
    await v1.getByTestId('version-signatures').getByText('DOGEWO21 (Wohnungsunternehmen)', { exact: false }).waitFor();
    await expect(v1.getByRole('button', { name: 'Unterzeichnen' }).count()).resolves.toBe(0);
    await shot(partner, '2-agreement-signed-by-partner');

    const versions = (await api(admin, 'GET', `${q}/agreement/versions`, undefined, 200)).body;
    expect(versions[0]).toMatchObject({ number: 1, status: 'submitted', signatures: [{ organisationName: 'DOGEWO21', role: 'housing_company' }] });
    await expect(v1.textContent()).resolves.toContain(versions[0].contentHash);

    // The city signs through the API: the version is binding.
    const citySigner = await login(CITY_SIGNER);
    const second = (await api(citySigner, 'POST', `${q}/agreement/versions/${versions[0].id}/signatures`, undefined, 201)).body;
    expect(second).toMatchObject({ becameBinding: true, version: { status: 'binding' } });

    // The programme office approves in the console and downloads the certificate.
    const office = await signIn(DEMO_ADMIN.email, 'Programmstelle (Administration)');
    await office.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/agreement`);
    const officeAgreement = office.getByTestId('agreement-tab');
    const officeV1 = officeAgreement.getByTestId('version-1');
    await officeV1.getByText('verbindlich – wartet auf Prüfung').waitFor();
    await expect(officeV1.getByRole('button', { name: 'Unterzeichnen' }).count()).resolves.toBe(0);
    await officeV1.getByRole('button', { name: 'Prüfentscheidung' }).click();
    dialog = office.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Entscheidung' }).click();
    await office.getByRole('option', { name: /zurückgeben/ }).click();
    await dialog.getByLabel('Geforderte Änderungen').waitFor();
    await dialog.getByRole('combobox', { name: 'Entscheidung' }).click();
    await office.getByRole('option', { name: /genehmigen/ }).click();
    await shot(office, '3-review-dialog');
    await dialog.getByRole('button', { name: 'Genehmigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await officeV1.getByText('genehmigt').waitFor();
    const certificate = (await api(admin, 'GET', `${q}/certificate`, undefined, 200)).body;
    await office.getByTestId('certificate-number').filter({ hasText: certificate.number }).waitFor();
    await office.getByTestId('certificate-panel').getByText(certificate.verificationCode).waitFor();
    await shot(office, '4-agreement-approved-certificate');

    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: 'Zertifikat (PDF) herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe(`zertifikat-${certificate.number}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const [versionPdf] = await Promise.all([office.waitForEvent('download'), officeV1.getByRole('button', { name: 'PDF herunterladen' }).click()]);
    expect(readFileSync((await versionPdf.path())!).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect((await api(admin, 'GET', `${q}/process`, undefined, 200)).body.phase).toBe('implementation');

    // The quarter's log: who did what, with before and after.
    await office.getByRole('tab', { name: 'Protokoll' }).click();
    const log = office.getByTestId('quarter-log');
    const approval = log.getByTestId('log-agreement.review.approved');
    await approval.waitFor();
    await expect(approval.textContent()).resolves.toContain(DEMO_ADMIN.email);
    for (const action of ['goal.create', 'measure.create', 'agreement.submit', 'agreement.sign']) await log.getByTestId(`log-${action}`).first().waitFor();
    await approval.getByRole('button', { name: /Vorher\/Nachher/ }).click();
    await log.getByText('"status": "approved"', { exact: false }).first().waitFor();
    await shot(office, '5-quarter-log');

    // The overview keeps the process timeline; the reports tab of the programme office has no partner buttons.
    await office.getByRole('tab', { name: 'Übersicht' }).click();
    await office.getByTestId('process-panel').waitFor();
    await shot(office, '6-overview-timeline');
    await office.getByRole('tab', { name: 'Berichte' }).click();
    await office.getByTestId('reports-tab').waitFor();
    await expect(office.getByRole('button', { name: 'Jahresbericht anlegen' }).count()).resolves.toBe(0);

    // The partner writes the first annual report in the console.
    await partner.reload();
    await partner.getByRole('tab', { name: 'Berichte' }).click();
    await partner.getByRole('button', { name: 'Jahresbericht anlegen' }).click();
    const report = partner.getByTestId('report-1');
    await report.getByText('Entwurf').waitFor();
    await report.getByRole('button', { name: 'Bearbeiten' }).click();
    await report.getByRole('button', { name: 'Änderung hinzufügen' }).click();
    await report.getByLabel('Änderung', { exact: true }).fill('Aufzug Haus 3 erst 2028');
    await report.getByRole('button', { name: 'Speichern' }).click();
    await report.getByText(/^(ist ein Pflichtfeld|darf nicht leer sein)\.$/).first().waitFor();
    await report.getByLabel('Begründung', { exact: true }).fill('Lieferverzug');
    await report.getByRole('button', { name: 'Speichern' }).click();
    await report.getByText('Aufzug Haus 3 erst 2028 (Lieferverzug)').waitFor();
    await shot(partner, '7-reports');
    const reports = (await api(admin, 'GET', `${q}/reports`, undefined, 200)).body;
    expect(reports[0]).toMatchObject({ year: 1, status: 'draft', changes: [{ description: 'Aufzug Haus 3 erst 2028', reason: 'Lieferverzug' }] });

    await office.close();
    await partner.close();
  });
});
