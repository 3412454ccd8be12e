import { readFileSync } from 'node:fs';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * The programme office's "Quartiere importieren" screen in a real browser against the whole
 * stack (issue 16): download the template, upload a file with mistakes and read every problem
 * by row and column in German with nothing admitted, upload the corrected file and see the new
 * quarters, upload it again and read that nothing is new, then go to the quarter list.
 * Screenshots land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-quarter-import');
const HEADER = 'name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey';

describe('console: bulk admission of quarters', () => {
  let env: ConsoleStack;

  beforeAll(async () => {
    env = await startConsoleStack('console-quarter-import');
  });

  afterAll(() => env?.stop());

  it('shows every problem by row and column, then the admitted quarters, and nothing new on a repeat', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (err) => console.error(`console page error: ${err.message}`));
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
    await page.goto(`${env.consoleUrl}/#/quarters`);
    await page.getByTestId('quarter-import-open').click();
    await page.locator('#main-content').getByRole('heading', { name: 'Quartiere importieren' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vorlage (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('quartiere-vorlage.csv');
    expect(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim()).toBe(HEADER);
    await shot(page, '1-screen');

    const file = (rows: string[]) => ({ name: 'quartiere.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows, ''].join('\r\n')) });
    await page.getByTestId('quarter-import-file').setInputFiles(
      file([
        'Wolfsburg Detmerode;Wolfsburg;;Niedersachsen;Neuland Wohnungsgesellschaft;genq-nds-2026;;;',
        ';Wolfsburg;;Niedersachsen;Neuland Wohnungsgesellschaft;genq-nds-2026;;;',
        'Salzgitter Lebenstedt;Salzgitter;;Atlantis;WEVG Salzgitter;genq-nds-2026;;;',
      ]),
    );
    const errors = page.getByTestId('quarter-import-errors');
    await errors.getByText('Nichts übernommen', { exact: false }).waitFor();
    const lines = page.getByTestId('quarter-import-error');
    await expect(lines.count()).resolves.toBe(2);
    await lines.filter({ hasText: 'Zeile 3' }).filter({ hasText: 'Name' }).getByText('ist ein Pflichtfeld.').waitFor();
    await lines.filter({ hasText: 'Zeile 4' }).filter({ hasText: 'Land' }).getByText('muss einer dieser Werte sein', { exact: false }).waitFor();
    await shot(page, '2-refused');
    // All or nothing: the valid first row was not admitted either.
    const api = env.apiAs(await env.login(DEMO_ADMIN.email));
    const search = async () => (await api('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify({ q: 'Wolfsburg Detmerode' }))}`, undefined, 200)).body;
    await expect(search()).resolves.toHaveLength(0);

    const corrected = file([
      'Wolfsburg Detmerode;Wolfsburg;;Niedersachsen;Neuland Wohnungsgesellschaft;genq-nds-2026;;;',
      'Wolfsburg Westhagen;Wolfsburg;;Niedersachsen;Neuland Wohnungsgesellschaft;genq-nds-2026;;;',
      'Salzgitter Lebenstedt;Salzgitter;;Niedersachsen;WEVG Salzgitter;genq-nds-2026;15.01.2025;development;analysis',
    ]);
    await page.getByTestId('quarter-import-file').setInputFiles(corrected);
    const result = page.getByTestId('quarter-import-result');
    await result.getByText('3 Quartiere neu angelegt, 0 bestanden bereits.', { exact: false }).waitFor();
    await result.getByRole('link', { name: 'Salzgitter Lebenstedt' }).waitFor();
    await expect(result.getByText('neu', { exact: true }).count()).resolves.toBe(3);
    await expect(page.getByTestId('quarter-import-errors').count()).resolves.toBe(0);
    await shot(page, '3-admitted');

    await page.getByTestId('quarter-import-file').setInputFiles(corrected);
    await result.getByText('Nichts Neues: Alle 3 Quartiere der Datei bestanden bereits.').waitFor();
    await shot(page, '4-repeat');
    await expect(search()).resolves.toHaveLength(1);

    await page.getByTestId('quarter-import-to-list').click();
    await page.waitForURL(/#\/quarters/);
    await page.getByPlaceholder('Suchen').fill('Westhagen');
    await page.getByRole('cell', { name: 'Wolfsburg Westhagen' }).waitFor();
    await shot(page, '5-list');
    await page.close();
  });

  it('offers the import to the programme admin only', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE' });
    await loginInBrowser(page, env.consoleUrl, 'viewer@genq.example', DEMO_PASSWORD, 'Lesezugriff');
    await page.goto(`${env.consoleUrl}/#/quarters`);
    // The seeded quarters are listed, with the toolbar above them.
    await page.getByText('Scharnhorst-Ost').first().waitFor();
    await expect(page.getByTestId('quarter-import-open').count()).resolves.toBe(0);
    await page.close();
  });
});
