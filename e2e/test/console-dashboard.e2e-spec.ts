import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { fieldCodes, type Call } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, until, type ConsoleStack } from './support/console';

/**
 * The dashboard, saved views and the Excel export in a real browser against the whole stack
 * as `npm start` runs it: the dashboard's figures are the API's, a Land filter changes them,
 * a view saved on the quarter list comes back in one click, and the downloaded workbook
 * holds every matching quarter. Screenshots land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-dashboard');
const LAND = 'Niedersachsen';

describe('console: dashboard, saved views and Excel export', () => {
  let env: ConsoleStack;
  let api: Call;

  const dashboard = async (filter: Record<string, string> = {}) => (await api('GET', `/dashboard?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body;
  const cardValue = (page: Page, testId: string) => page.getByTestId(`${testId}-value`).getAttribute('data-value').then(Number);

  beforeAll(async () => {
    env = await startConsoleStack('console-dashboard');
    api = env.apiAs(await env.login(DEMO_ADMIN.email));
  });

  afterAll(() => env?.stop());

  const signIn = async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1100 }, acceptDownloads: true });
    return loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
  };

  it('shows the API’s figures on the dashboard, and filters every panel by Land', async () => {
    // Every demo quarter has been projected into the read model once none is without a phase.
    const all = await until(
      () => dashboard(),
      (d) => d?.total === 12 && d.byPhase.every((p: any) => p.phase !== null) && d.stalled > 0,
    );
    const nds = await dashboard({ land: LAND });
    expect(nds.total).toBe(5);
    expect(nds.facets.land).toEqual(['Niedersachsen', 'Nordrhein-Westfalen']);
    // The console asks without the facets (they do not change with the filter; it loads them once).
    const lean = (await api('GET', `/dashboard?facets=false&filter=${encodeURIComponent(JSON.stringify({ land: LAND }))}`, undefined, 200)).body;
    expect(lean).toMatchObject({ total: 5, stalled: nds.stalled });
    expect(lean).not.toHaveProperty('facets');
    const refused = await api('GET', `/dashboard?facets=vielleicht&filter=${encodeURIComponent('[1]')}`, undefined, 400);
    expect(fieldCodes(refused.body)).toEqual({ filter: 'list.filter_invalid', facets: 'validation.isBoolean' });
    // Counts per step add up to the quarters per phase.
    const development = all.byPhase.find((p: any) => p.phase === 'development').count;
    expect(all.byStep.filter((s: any) => s.phase === 'development').reduce((n: number, s: any) => n + s.count, 0)).toBe(development);

    const page = await signIn();
    await page.getByTestId('dashboard-total-value').waitFor();
    // Wait for the answer of this page load (figures can move while workflows run: compare with a fresh read).
    const now = await dashboard();
    await until(() => cardValue(page, 'dashboard-total'), (v) => v === now.total, 15_000);
    expect(await cardValue(page, 'dashboard-stalled-count')).toBe(now.stalled);
    expect(await cardValue(page, 'dashboard-overdue-count')).toBe(now.overdue);
    expect(await cardValue(page, 'dashboard-paused-count')).toBe(now.paused);
    expect(await cardValue(page, 'dashboard-upcoming-count')).toBe(now.upcoming.count);
    expect(await cardValue(page, 'dashboard-certificates-issued')).toBe(now.certificates.issued);
    // The bar chart per phase shows the same counts.
    for (const p of now.byPhase) {
      await expect(page.getByTestId(`chart-phase-${p.phase}`).getAttribute('data-value')).resolves.toBe(String(p.count));
    }
    await page.getByTestId('dashboard-stalled').getByText(now.stalledList[0].name).waitFor();
    await shot(page, '1-dashboard');

    await page.getByRole('combobox', { name: 'Land' }).click();
    await page.getByRole('option', { name: LAND }).click();
    await until(() => cardValue(page, 'dashboard-total'), (v) => v === 5, 15_000);
    const filtered = await dashboard({ land: LAND });
    expect(await cardValue(page, 'dashboard-stalled-count')).toBe(filtered.stalled);
    expect(await cardValue(page, 'dashboard-overdue-count')).toBe(filtered.overdue);
    for (const p of filtered.byPhase) {
      await expect(page.getByTestId(`chart-phase-${p.phase}`).getAttribute('data-value')).resolves.toBe(String(p.count));
    }
    // Lists hold only quarters of the Land.
    for (const q of filtered.stalledList) await page.getByTestId('dashboard-stalled').getByText(q.name).waitFor();
    await expect(page.getByTestId('dashboard-stalled').getByText('Scharnhorst-Ost').count()).resolves.toBe(0);
    await shot(page, '2-dashboard-filtered');

    // The total card leads to the quarter list with the same filter.
    await page.getByTestId('dashboard-total').click();
    await page.waitForURL(/#\/quarters\?filter=/);
    await until(() => page.locator('tbody tr').count(), (n) => n === 5, 15_000);
    // Back to every Land for the next visitor.
    await page.goto(env.consoleUrl);
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await until(() => cardValue(page, 'dashboard-total'), (v) => v === 12, 15_000);
    await page.close();
  });

  it('saves the quarter list’s filter as a view, re-applies it, and exports every matching quarter as XLSX', async () => {
    const page = await signIn();
    const filter = { land: LAND };
    await page.goto(`${env.consoleUrl}/#/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await until(() => page.locator('tbody tr').count(), (n) => n === 5, 15_000);

    // Saving without a name shows the field message; nothing is stored.
    await page.getByRole('button', { name: 'Gespeicherte Ansichten' }).click();
    await page.getByRole('menuitem', { name: 'Aktuelle Ansicht speichern …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie einen Namen an.').waitFor();
    await dialog.getByLabel('Name der Ansicht').fill('Quartiere in Niedersachsen');
    await shot(page, '3-save-view');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const views = await until(
      async () => (await api('GET', '/saved-views?resource=quarters')).body as any[],
      (v) => v.some((x) => x.name === 'Quartiere in Niedersachsen'),
      10_000,
    );
    expect(views.find((v) => v.name === 'Quartiere in Niedersachsen')).toMatchObject({ filter, role: 'programme_admin' });

    // The same name again (case and spacing do not count) is refused: the form says why, in German, and stays open.
    await page.getByRole('button', { name: 'Gespeicherte Ansichten' }).click();
    await page.getByRole('menuitem', { name: 'Aktuelle Ansicht speichern …' }).click();
    await dialog.getByLabel('Name der Ansicht').fill('quartiere in  NIEDERSACHSEN');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Sie haben für diese Liste bereits eine Ansicht „quartiere in NIEDERSACHSEN“ gespeichert. Bitte wählen Sie einen anderen Namen.').waitFor();
    await shot(page, '3-duplicate-name');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(((await api('GET', '/saved-views?resource=quarters')).body as any[]).map((v) => v.name)).toEqual(['Quartiere in Niedersachsen']);

    // Without a filter the list is longer; the saved view brings the filter back.
    await page.goto(`${env.consoleUrl}/#/quarters?filter=${encodeURIComponent('{}')}`);
    await until(() => page.locator('tbody tr').count(), (n) => n === 12, 15_000);
    await page.getByRole('button', { name: 'Gespeicherte Ansichten' }).click();
    await page.getByRole('menuitem').filter({ hasText: 'Quartiere in Niedersachsen' }).click();
    await until(() => page.locator('tbody tr').count(), (n) => n === 5, 15_000);
    expect(decodeURIComponent(page.url())).toContain('"land":"Niedersachsen"');
    await shot(page, '4-view-applied');

    // The Excel export holds every quarter the filter matches, read back from the downloaded file.
    const expected = (await api('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`)).body as any[];
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel-Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^genq-quartiere-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(env.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Quartiere')!;
    expect(sheet.rowCount).toBe(expected.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Quartier', 'Kommune', 'Kreis', 'Land']);
    const names: string[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      names.push(String(sheet.getRow(r).getCell(1).value));
      expect(sheet.getRow(r).getCell(4).value).toBe(LAND);
    }
    expect(names.sort()).toEqual(expected.map((q) => q.name).sort());
    await shot(page, '5-exported');

    // The audit log exports to Excel too.
    await page.goto(`${env.consoleUrl}/#/audit-log`);
    await page.locator('tbody tr').first().waitFor();
    const [auditDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel-Export' }).click()]);
    const auditFile = join(env.dataDir, auditDownload.suggestedFilename());
    await auditDownload.saveAs(auditFile);
    const audit = new ExcelJS.Workbook();
    await audit.xlsx.readFile(auditFile);
    const auditSheet = audit.getWorksheet('Protokoll')!;
    const saved = (await api('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'saved_view.create' }))}`)).body as any[];
    expect(saved).toHaveLength(1);
    // The same columns as the CSV export, in words: the action as a person reads it, never its key.
    expect(auditSheet.getRow(1).getCell(5).value).toBe('Aktion');
    const actions: string[] = [];
    for (let r = 2; r <= auditSheet.rowCount; r++) actions.push(String(auditSheet.getRow(r).getCell(5).value));
    expect(actions).toContain('Ansicht gespeichert');
    expect(actions.filter((a) => /^[a-z_]+\.[a-z_.]+$/.test(a))).toEqual([]);
    await shot(page, '6-audit-log');

    // Deleting asks first: cancelled, the view stays.
    await page.goto(`${env.consoleUrl}/#/quarters`);
    await page.getByRole('button', { name: 'Gespeicherte Ansichten' }).click();
    await page.getByRole('button', { name: 'Ansicht „Quartiere in Niedersachsen“ löschen' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Ansicht „Quartiere in Niedersachsen“ löschen?' });
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await api('GET', '/saved-views?resource=quarters')).body).toHaveLength(1);

    // "Meine Ansichten" in the menu lists the person's views; one opens its list, deleting it (confirmed) takes it away.
    await page.getByTestId('menu-saved-views').click();
    const row = page.getByTestId('my-saved-view').filter({ hasText: 'Quartiere in Niedersachsen' });
    await row.getByText('Quartiere', { exact: true }).waitFor();
    await shot(page, '7-my-views');
    await row.getByRole('link', { name: 'Öffnen' }).click();
    await until(() => page.locator('tbody tr').count(), (n) => n === 5, 60_000);
    expect(decodeURIComponent(page.url())).toContain('"land":"Niedersachsen"');
    await page.getByTestId('menu-saved-views').click();
    await row.getByRole('button', { name: 'Ansicht „Quartiere in Niedersachsen“ löschen' }).click();
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await page.getByText('Sie haben noch keine Ansicht gespeichert.').waitFor();
    await until(async () => (await api('GET', '/saved-views?resource=quarters')).body.length, (n) => n === 0, 60_000);
    await page.close();
  });
});
