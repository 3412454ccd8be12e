import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_PASSWORD, chromiumPath, freeStackPorts, seedDemo, startStack, type Stack } from '@genq/infra';

/**
 * The console's sign-in in a real browser against the whole stack, as `npm start` runs it
 * with its demo accounts: German login page, a partner sees only its organisation's
 * quarter and no programme administration, logout ends the session.
 */
jest.setTimeout(10 * 60_000);

describe('console: signing in, by role', () => {
  let dataDir: string;
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-console-'));
    stack = await startStack({
      dataDir,
      ports: await freeStackPorts({ withConsole: true }),
      withConsole: true,
      log: () => {},
    });
    await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(stack.consoleUrl!);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: false }).first().fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
  };

  it('asks for a German login first and refuses a wrong password without saying why', async () => {
    const page = await browser.newPage({ locale: 'de-DE' });
    await page.goto(stack.consoleUrl!);
    await page.getByRole('heading', { name: 'Anmeldung' }).waitFor();
    await signIn(page, 'partner.dortmund@genq.example', 'ganz-sicher-falsch');
    await page.getByText('Die Anmeldung ist fehlgeschlagen.', { exact: false }).waitFor();
    await page.close();
  });

  it('shows a partner its own quarter only, and no programme administration; logout ends the session', async () => {
    const page = await browser.newPage({ locale: 'de-DE' });
    await signIn(page, 'partner.dortmund@genq.example', DEMO_PASSWORD);
    await page.getByTestId('role').filter({ hasText: 'Partnerorganisation' }).waitFor();
    await page.goto(`${stack.consoleUrl}/#/quarters`);
    await page.getByText('Scharnhorst-Ost').first().waitFor();
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    const menu = page.locator('.RaMenu-open, .RaSidebar-fixed').first();
    await expect(menu.getByText('Quartiere').count()).resolves.toBeGreaterThan(0);
    await expect(menu.getByText('Programme').count()).resolves.toBe(0);
    await expect(menu.getByText('Audit-Log').count()).resolves.toBe(0);

    const refresh = await page.evaluate(() => JSON.parse(sessionStorage.getItem('genq.session') ?? '{}').refreshToken as string);
    await page.getByRole('button', { name: 'Profil' }).click();
    await page.getByText('Abmelden').click();
    await page.getByRole('heading', { name: 'Anmeldung' }).waitFor();
    // The server ended the session too: its refresh token is worthless now.
    const res = await fetch(`${stack.gatewayUrl}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }) });
    expect(res.status).toBe(401);
    await page.close();
  });

  it('gives the programme admin the programmes and the audit log', async () => {
    const page = await browser.newPage({ locale: 'de-DE' });
    await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
    await page.getByTestId('role').filter({ hasText: 'Programmstelle (Administration)' }).waitFor();
    const menu = page.locator('.RaMenu-open, .RaSidebar-fixed').first();
    await menu.getByText('Programme').waitFor();
    await menu.getByText('Audit-Log').click();
    await page.getByText('quarter.create').first().waitFor();
    await page.close();
  });
});
