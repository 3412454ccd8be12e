import { readFileSync } from 'node:fs';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { pdfText } from '@genq/documents';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * Issue 17 in a real browser: the programme office downloads the programme report from the
 * programme's page, as a file the browser saves, and it names the programme's quarters.
 * (The quarter's documents are downloaded over HTTP in documents.e2e-spec.ts.)
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-documents');

describe('console: the programme report as a PDF download', () => {
  let env: ConsoleStack;

  beforeAll(async () => {
    env = await startConsoleStack('console-documents');
  });

  afterAll(() => env?.stop());

  it('downloads the programme report from the programme page', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
    await page.goto(`${env.consoleUrl}/#/programmes/genq-nrw-2026/show`);
    const button = page.getByRole('button', { name: 'Programmbericht (PDF) herunterladen' });
    await button.waitFor();
    await shot(page, 'programme-show');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('programmbericht-genq-nrw-2026.pdf');
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Programmbericht');
    expect(text).toContain('Programm: Generationengerechtes Wohnen im Quartier NRW 2026');
    expect(text).toContain('Scharnhorst-Ost (Dortmund, DOGEWO21)');
    expect(text).toContain('Maßnahmen je Handlungsfeld');
    await page.close();
  });
});
