import type { Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { loginInBrowser, startConsoleStack, until, type ConsoleStack } from './support/console';

/**
 * The console's sign-in in a real browser against the whole stack, as `npm start` runs it
 * with its demo accounts: German login page, a partner sees only its organisation's
 * quarter and no programme administration, logout ends the session.
 */
jest.setTimeout(10 * 60_000);

describe('console: signing in, by role', () => {
  let env: ConsoleStack;

  beforeAll(async () => {
    env = await startConsoleStack('console-login');
  });

  afterAll(() => env?.stop());

  const signIn = (page: Page, email: string, password: string) => loginInBrowser(page, env.consoleUrl, email, password);

  it('asks for a German login first and refuses a wrong password without saying why', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE' });
    await page.goto(env.consoleUrl);
    await page.getByRole('heading', { name: 'Anmeldung' }).waitFor();
    await signIn(page, 'partner.dortmund@genq.example', 'ganz-sicher-falsch');
    await page.getByText('Die Anmeldung ist fehlgeschlagen.', { exact: false }).waitFor();
    await page.close();
  });

  it('shows a partner its own quarter only, and no programme administration; logout ends the session', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE' });
    await signIn(page, 'partner.dortmund@genq.example', DEMO_PASSWORD);
    await page.getByTestId('role').filter({ hasText: 'Partnerorganisation' }).waitFor();
    await page.goto(`${env.consoleUrl}/#/quarters`);
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
    const res = await fetch(`${env.gatewayUrl}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }) });
    expect(res.status).toBe(401);
    await page.close();
  });

  it('gives the programme admin the programmes and the audit log', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE' });
    await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
    await page.getByTestId('role').filter({ hasText: 'Programmstelle (Administration)' }).waitFor();
    const menu = page.locator('.RaMenu-open, .RaSidebar-fixed').first();
    await menu.getByText('Programme').waitFor();
    await menu.getByText('Audit-Log').click();
    // Newest first; the seed writes many entries after the quarters, so search for them.
    await page.locator('tbody tr').first().waitFor();
    await page.getByPlaceholder('Suchen').fill('quarter.create');
    const rows = await until(
      () => page.locator('tbody tr').allInnerTexts(),
      // The action shows in words; its key is only the cell's tooltip.
      (texts) => texts.length > 0 && texts.every((t) => t.includes('Quartier angelegt')),
      30_000,
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    // The action in German (its raw key only as the tooltip); the resource as its German type
    // with the quarter's name, not its id.
    for (const text of rows) {
      expect(text).toContain('Quartier angelegt');
      expect(text).toMatch(/\sQuartier „[^“]+“/);
    }
    await page.close();
  });
});
