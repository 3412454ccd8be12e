import type { Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';
import { axeFindings, germanProblems, type Finding } from './support/screens';

/**
 * Every main screen of the console in German, as a person of each role sees it on the demo
 * data (issue 17): the dashboard, the lists, each tab of a quarter, the intervention dialogs,
 * "Meine Aufgaben", the notifications outbox and the login page. On each screen:
 *  - axe-core (the engine of the accessibility checkers, WCAG 2.1 A/AA rules) runs in the page
 *    and the test fails on any serious or critical finding;
 *  - no raw key reaches the screen: no untranslated message key (`genq_tasks.title`), no
 *    identifier of a step, phase, role, deadline or audit action (`decision_and_signing`), no
 *    English sentence of the server ("must be", "not found");
 *  - dates read TT.MM.JJJJ;
 *  - a screenshot lands in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(20 * 60_000);

const shot = screenshots('console-screens');

describe('console: every main screen in German, accessible', () => {
  let env: ConsoleStack;
  const report: Record<string, { findings: Finding[]; german: string[] }> = {};

  beforeAll(async () => {
    env = await startConsoleStack('console-screens');
  });

  afterAll(() => env?.stop());

  /** Waits for the screen to settle (generously: on a loaded machine a list loads for more than 15 s), then checks and photographs it. */
  const check = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.locator('.MuiSkeleton-root, [role="progressbar"]').first().waitFor({ state: 'detached', timeout: 120_000 }).catch(() => undefined);
    await shot(page, name);
    const findings = (await axeFindings(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    const text = await page.evaluate(() => document.body.innerText);
    report[name] = { findings, german: germanProblems(text) };
  };

  const summary = () =>
    Object.entries(report)
      .filter(([, r]) => r.findings.length || r.german.length)
      .map(([name, r]) => [`${name}:`, ...r.findings.map((f) => `  axe ${f.impact} ${f.id}: ${f.help} ${f.nodes.join(' ')}`), ...r.german.map((g) => `  ${g}`)].join('\n'))
      .join('\n');

  it('checks the login page', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    await page.goto(env.consoleUrl);
    await page.getByLabel('E-Mail-Adresse').waitFor();
    // Product and programme are named, the page speaks German, and the tab has the product's icon.
    await page.getByText('Generationengerechtes Wohnen im Quartier').first().waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await expect(page.locator('link[rel="icon"]').count()).resolves.toBeGreaterThan(0);
    await check(page, '01-login');
    await page.close();
    expect(summary()).toBe('');
  });

  it('checks the programme office’s screens', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
    await page.getByTestId('dashboard-total-value').waitFor();
    await check(page, '02-dashboard');

    const admin = await env.login(DEMO_ADMIN.email);
    const quarters = (await env.apiAs(admin)('GET', `/quarters?range=${encodeURIComponent('[0,99]')}`, undefined, 200)).body as Array<{ id: string; name: string }>;
    const certified = quarters.find((q) => q.name === 'Unna-Königsborn')!;

    const rows = () => page.locator('tbody tr, .RaEmpty-message, .RaList-noResults').first().waitFor();
    const screens: Array<[string, string, () => Promise<unknown>]> = [
      ['03-tasks', '#/tasks', () => page.getByTestId('tasks').getByRole('heading', { name: 'Meine Aufgaben' }).waitFor()],
      ['04-quarters', '#/quarters', rows],
      ['05-quarter-overview', `#/quarters/${certified.id}/show`, () => page.getByTestId('process-panel').waitFor()],
      ['06-quarter-actors', `#/quarters/${certified.id}/show/actors`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['07-quarter-analysis', `#/quarters/${certified.id}/show/analysis`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['08-quarter-concept', `#/quarters/${certified.id}/show/concept`, () => page.getByTestId('concept-tab').waitFor()],
      ['09-quarter-agreement', `#/quarters/${certified.id}/show/agreement`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['10-quarter-reports', `#/quarters/${certified.id}/show/reports`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['11-quarter-amendments', `#/quarters/${certified.id}/show/amendments`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['12-quarter-log', `#/quarters/${certified.id}/show/log`, () => page.getByRole('tab', { selected: true }).waitFor()],
      ['13-programmes', '#/programmes', rows],
      ['14-organisations', '#/organisations', rows],
      ['15-people', '#/people', rows],
      ['16-catalogues', '#/catalogues', rows],
      ['17-audit-log', '#/audit-log', rows],
      ['18-notifications', '#/notifications', rows],
    ];
    for (const [name, path, ready] of screens) {
      await page.goto(`${env.consoleUrl}/${path}`);
      await ready();
      await check(page, name);
    }

    // The intervention dialogs: one quarter, and the batch over the list.
    await page.goto(`${env.consoleUrl}/#/quarters/${certified.id}/show`);
    await page.getByTestId('process-panel').getByRole('button', { name: 'Frist verlängern' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, '19-intervention-dialog');
    await page.keyboard.press('Escape');
    await page.goto(`${env.consoleUrl}/#/quarters`);
    await page.getByRole('button', { name: 'Sammelintervention' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, '20-batch-dialog');
    await page.close();
    expect(summary()).toBe('');
  });

  it('checks a partner’s start page and quarter', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    await loginInBrowser(page, env.consoleUrl, 'partner.unna@genq.example', DEMO_PASSWORD, 'Partnerorganisation');
    await page.getByTestId('tasks').waitFor();
    await check(page, '21-partner-start');
    await page.getByRole('menuitem', { name: /Quartiere/ }).first().click();
    await page.locator('tbody tr, .RaEmpty-message').first().waitFor();
    await check(page, '22-partner-quarters');
    await page.close();
    expect(summary()).toBe('');
  });
});
