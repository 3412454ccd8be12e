import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { eventually } from './support/api';
import { screenshots, startConsoleStack, type ConsoleStack } from './support/console';
import { expectFocus, focusNow, press, seen, tabTo, type Focus } from './support/keyboard';

/**
 * The console's main flow with the keyboard only (issue 17: BITV 2.0 / WCAG 2.1 AA, keyboard
 * operation and focus order), in Chromium at 1280x720 on the demo data: sign in, the
 * dashboard, its stalled quarters, one quarter, its tabs, the intervention "Frist verlängern"
 * (cancelled with Escape, the focus back on its button; then applied), and "Meine Aufgaben".
 * Only page.keyboard acts (Tab, Shift+Tab, Enter, the arrows, Escape; text typed into the
 * focused field): no click, no fill. After every key the focus must be on an element a
 * person sees (laid out, in the viewport, not hidden, not aria-hidden) with a visible focus
 * indicator (a computed outline or box-shadow). Screenshots land in e2e/test-artifacts/.
 */
jest.setTimeout(20 * 60_000);

const shot = screenshots('console-keyboard');
const REASON = 'Unterlagen der Kommune fehlen noch';

describe('console: the main flow with the keyboard only', () => {
  let env: ConsoleStack;

  beforeAll(async () => {
    env = await startConsoleStack('console-keyboard');
  });

  afterAll(() => env?.stop());

  it('signs in, opens a stalled quarter from the dashboard, switches its tabs, extends a deadline and opens "Meine Aufgaben"', async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (err) => console.error(`console page error: ${err.message}`));
    const trail: string[] = [];
    const on = (test: (f: Focus) => boolean) => (f: Focus) => seen(f) && test(f);

    // Sign in: the e-mail field has the focus on arrival.
    await page.goto(env.consoleUrl);
    await page.getByLabel('E-Mail-Adresse').waitFor({ timeout: 120_000 });
    await expectFocus(page, on((f) => f.name.startsWith('E-Mail-Adresse')), 'on the e-mail field', trail);
    await page.keyboard.type(DEMO_ADMIN.email);
    await tabTo(page, (f) => f.name.startsWith('Passwort'), 'the password field', trail, { max: 3 });
    await page.keyboard.type(DEMO_PASSWORD);
    await press(page, 'Enter', trail);
    await page.getByTestId('role').filter({ hasText: 'Programmstelle (Administration)' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('dashboard-stalled-count-value').waitFor({ timeout: 120_000 });
    await shot(page, '1-dashboard');

    // The first Tab reaches "Zum Inhalt springen"; it skips the top bar and the menu.
    await tabTo(page, (f) => f.name === 'Zum Inhalt springen', 'the skip link', trail, { max: 3 });
    await shot(page, '2-skip-link');
    await press(page, 'Enter', trail);
    const first = await tabTo(page, () => true, 'the first element of the main content', trail, { max: 1 });
    expect(first.inMain).toBe(true);

    // The dashboard's stalled count opens the list of stalled quarters.
    await tabTo(page, (f) => f.testId === 'dashboard-stalled-count', 'the stalled quarters card', trail, { max: 40 });
    await shot(page, '3-stalled-card-focused');
    await press(page, 'Enter', trail);
    await page.waitForURL(/stalled/, { timeout: 120_000 });
    await page.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    await eventually(async () => (await page.locator('tbody tr').count()) === (await page.locator('tbody').getByText(/stockend seit/).count()), 'the list filtered to stalled quarters', 120_000);

    // A quarter of the list: its name is a link the keyboard reaches (a row takes no focus).
    const link = await tabTo(page, (f) => f.testId === 'record-link', 'a quarter of the list', trail, { max: 80 });
    const quarterName = link.name;
    await shot(page, '4-list-quarter-focused');
    await press(page, 'Enter', trail);
    await page.getByTestId('quarter-title').filter({ hasText: quarterName }).waitFor({ timeout: 120_000 });
    await page.getByTestId('process-timeline').waitFor({ timeout: 120_000 });

    // The tabs: Tab reaches the selected one, the arrows move along them, Enter opens one.
    await tabTo(page, (f) => f.role === 'tab' && f.name === 'Übersicht', 'the tab "Übersicht"', trail, { max: 40 });
    await press(page, 'ArrowRight', trail);
    await expectFocus(page, on((f) => f.role === 'tab' && f.name === 'Akteure'), 'on the tab "Akteure"', trail);
    await press(page, 'Enter', trail);
    await page.waitForURL(/\/show\/actors/, { timeout: 120_000 });
    await page.getByRole('tab', { name: 'Akteure', selected: true }).waitFor({ timeout: 120_000 });
    await expectFocus(page, on((f) => f.role === 'tab' && f.name === 'Akteure'), 'still on the tab "Akteure" once it is open', trail);
    await press(page, 'ArrowRight', trail);
    await expectFocus(page, on((f) => f.role === 'tab' && f.name === 'Analyse'), 'on the tab "Analyse"', trail);
    await press(page, 'Enter', trail);
    await page.waitForURL(/\/show\/analysis/, { timeout: 120_000 });
    await page.getByRole('tab', { name: 'Analyse', selected: true }).waitFor({ timeout: 120_000 });
    await shot(page, '5-tab-analysis');
    await press(page, 'ArrowLeft', trail);
    await press(page, 'ArrowLeft', trail);
    await expectFocus(page, on((f) => f.role === 'tab' && f.name === 'Übersicht'), 'back on the tab "Übersicht"', trail);
    await press(page, 'Enter', trail);
    await page.getByRole('tab', { name: 'Übersicht', selected: true }).waitFor({ timeout: 120_000 });
    await page.getByTestId('process-timeline').waitFor({ timeout: 120_000 });

    // "Frist verlängern": the dialog opens on its first field; Escape closes it and gives the focus back.
    const isExtend = (f: Focus) => f.tag === 'button' && f.name === 'Frist verlängern';
    await tabTo(page, isExtend, 'the button "Frist verlängern"', trail, { max: 60 });
    await press(page, 'Enter', trail);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 60_000 });
    await expectFocus(page, on((f) => f.inDialog), 'on a field of the dialog', trail);
    await tabTo(page, (f) => f.role === 'combobox', 'the deadline field', trail, { max: 6 });
    await tabTo(page, (f) => f.tag === 'textarea' && f.name.startsWith('Begründung'), 'the reason', trail, { max: 6 });
    await page.keyboard.type('wird gleich verworfen');
    await shot(page, '6-dialog-typed');
    await press(page, 'Escape', trail);
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expectFocus(page, on(isExtend), 'back on "Frist verlängern" after Escape', trail);

    // Again, and this time applied: the current step's deadline chosen with the arrows.
    const admin = await env.login(DEMO_ADMIN.email);
    const quarters = (await env.apiAs(admin)('GET', `/quarters?range=${encodeURIComponent('[0,99]')}`, undefined, 200)).body as Array<{ id: string; name: string }>;
    const quarter = quarters.find((q) => q.name === quarterName)!;
    expect(quarter).toBeDefined();
    const before = (await env.apiAs(admin)('GET', `/quarters/${quarter.id}/process`, undefined, 200)).body as { currentStep: string; steps: Array<{ key: string; due: string }>; interventions: unknown[] };
    const current = before.steps.find((s) => s.key === before.currentStep)!;
    const due = `fällig am ${new Date(current.due).toLocaleDateString('de-DE', { dateStyle: 'medium' })}`;

    await press(page, 'Enter', trail);
    await dialog.waitFor({ timeout: 60_000 });
    await expectFocus(page, on((f) => f.inDialog), 'on a field of the dialog', trail);
    await tabTo(page, (f) => f.role === 'combobox', 'the deadline field', trail, { max: 6 });
    await press(page, 'ArrowDown', trail);
    await page.getByRole('listbox').waitFor({ timeout: 60_000 });
    const option = await expectFocus(page, on((f) => f.role === 'option'), 'on an option of the deadline field', trail);
    trail.push(`→ ${option.label}`);
    for (let i = 0; i < 20 && !(await focusNow(page)).name.includes(due); i++) {
      await press(page, 'ArrowDown', trail);
      await expectFocus(page, on((f) => f.role === 'option'), 'on an option of the deadline field', trail);
    }
    await expectFocus(page, on((f) => f.role === 'option' && f.name.includes(due)), `on the option of the current step (${due})`, trail);
    await press(page, 'Enter', trail);
    await page.getByRole('listbox').waitFor({ state: 'detached', timeout: 60_000 });
    await expectFocus(page, on((f) => f.role === 'combobox' && f.name.includes(due)), 'back on the deadline field, now set', trail);
    await tabTo(page, (f) => f.tag === 'textarea' && f.name.startsWith('Begründung'), 'the reason', trail, { max: 6 });
    await page.keyboard.type(REASON);
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Ausführen', 'the button "Ausführen"', trail, { max: 6 });
    await shot(page, '7-dialog-filled');
    await press(page, 'Enter', trail);
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('intervention-list').getByText(REASON, { exact: false }).waitFor({ timeout: 120_000 });
    await expectFocus(page, on(isExtend), 'back on "Frist verlängern" once applied', trail);
    await shot(page, '8-applied');
    // Applied to the chosen deadline: the current step's, by the dialog's 30 days.
    const after = (await env.apiAs(admin)('GET', `/quarters/${quarter.id}/process`, undefined, 200)).body as { steps: Array<{ key: string; due: string }>; interventions: Array<{ kind: string; reason: string }> };
    expect(after.interventions).toHaveLength(before.interventions.length + 1);
    expect(after.interventions.at(-1)).toMatchObject({ kind: 'extend_deadline', reason: REASON });
    const moved = after.steps.find((s) => s.key === current.key)!;
    expect(new Date(moved.due).getTime() - new Date(current.due).getTime()).toBe(30 * 86_400_000);

    // Back up to the menu, to "Meine Aufgaben".
    await tabTo(page, (f) => f.testId === 'menu-tasks', 'the menu item "Meine Aufgaben"', trail, { back: true, max: 60 });
    await press(page, 'Enter', trail);
    await page.waitForURL(/#\/tasks/, { timeout: 120_000 });
    await page.getByTestId('tasks').getByRole('heading', { name: 'Meine Aufgaben' }).waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="task"], [data-testid="tasks-none"]').first().waitFor({ timeout: 120_000 });
    await tabTo(page, (f) => f.inMain, 'the tasks page', trail, { max: 40 });
    await shot(page, '9-tasks');
    await page.close();
  });
});
