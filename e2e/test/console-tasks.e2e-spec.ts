import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { completeStepsUpToGoalsWorkshop, eventually, recordGoalsWorkshop } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * "Meine Aufgaben" (issue 17) in a real browser on the demo data as `npm start` seeds it:
 * DOGEWO21's partner starts on their tasks (the open Auftakt of Scharnhorst-Ost, with its due
 * date) and one click opens the tab whose form completes it; once the Zielvereinbarung is
 * submitted, the partners' organisations are asked to sign and, once both signed, the
 * programme office to review; the operator's stalled quarters agree with the dashboard.
 * Screenshots land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(15 * 60_000);

const shot = screenshots('console-tasks');
const PARTNER = 'partner.dortmund@genq.example';
const CITY = 'kommune.dortmund@genq.example';
const CITY_SIGNER = 'stadtdirektorin@stadt-dortmund.genq.example';
const DE_DATE = /^\d{2}\.\d{2}\.\d{4}$/;

describe('console: Meine Aufgaben', () => {
  let env: ConsoleStack;
  const api = (token: string, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);
  // One sign-in per account: the gateway limits sign-ins per address, and the seed signed in already.
  const tokens = new Map<string, Promise<string>>();
  const login = (email: string) => {
    if (!tokens.has(email)) tokens.set(email, env.login(email));
    return tokens.get(email)!;
  };
  const tasksOf = async (token: string) => (await api(token, 'GET', '/tasks', undefined, 200)).body as { data: any[]; total: number; overdue: number };

  beforeAll(async () => {
    env = await startConsoleStack('console-tasks');
    // The seed signed in as every demo account; the gateway allows 10 sign-ins a minute per
    // address, and this spec signs in 8 times (API and browser): let the seed's leave the window.
    await new Promise((r) => setTimeout(r, 61_000));
  });

  afterAll(() => env?.stop());

  it('starts a partner on their open step, due when, with one click to its form, and counts it in the menu', async () => {
    const partnerToken = await login(PARTNER);
    const tasks = await tasksOf(partnerToken);
    // DOGEWO21 takes part in Scharnhorst-Ost only, which stands at its Auftakt.
    expect(tasks.data).toEqual([expect.objectContaining({ kind: 'step', subject: 'kickoff', quarterName: 'Scharnhorst-Ost', tab: 'actors' })]);
    expect(tasks.data[0].dueAt).toEqual(expect.any(String));

    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    await loginInBrowser(page, env.consoleUrl, PARTNER, DEMO_PASSWORD, 'Partnerorganisation');
    // Their title and their own quarters, no Land/Kreis filter of the programme office.
    await page.getByText('GenQ – Quartiersportal').waitFor();
    await page.getByRole('heading', { name: 'Meine Quartiere' }).waitFor();
    await expect(page.getByText('Filter zurücksetzen').count()).resolves.toBe(0);
    const row = page.getByTestId('task').filter({ hasText: 'Scharnhorst-Ost' });
    await row.getByText('Auftakt abschließen').waitFor();
    const due = new Date(tasks.data[0].dueAt).toLocaleDateString('de-DE', { dateStyle: 'medium' });
    expect(due).toMatch(DE_DATE);
    await row.getByText(due).waitFor();
    await page.locator('[data-testid="menu-tasks"][data-total="1"]').waitFor();
    await shot(page, '1-partner-start');

    await row.getByRole('link', { name: /Auftakt abschließen für Scharnhorst-Ost öffnen/ }).click();
    await page.waitForURL(new RegExp(`#/quarters/${tasks.data[0].quarterId}/show/actors$`));
    await page.getByText('Auftakt', { exact: true }).first().waitFor();
    await shot(page, '2-partner-task-opened');
    await page.close();
  });

  it('asks the partners to sign a submitted Zielvereinbarung, then the programme office to review it', async () => {
    const admin = await login(DEMO_ADMIN.email);
    const partnerToken = await login(PARTNER);
    const quarters = (await api(admin, 'GET', `/quarters?range=${encodeURIComponent('[0,99]')}`, undefined, 200)).body as Array<{ id: string; name: string }>;
    const quarter = quarters.find((q) => q.name === 'Scharnhorst-Ost')!;
    const q = `/quarters/${quarter.id}`;
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'console-tasks');
    // The step moved on: the read model no longer gives the partner the Auftakt.
    await eventually(async () => !(await tasksOf(partnerToken)).data.some((t) => t.kind === 'step' && t.subject === 'kickoff'), 'the Auftakt to be done', 90_000);

    const memberships = (await api(admin, 'GET', `${q}/memberships`, undefined, 200)).body as Array<{ organisationId: string; organisationName: string }>;
    const company = memberships.find((m) => m.organisationName === 'DOGEWO21')!;
    const city = memberships.find((m) => m.organisationName === 'Stadt Dortmund')!;
    const goal = (await api(partnerToken, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', indicator: 'Wohnungen', targetValue: '40', targetDate: '2029-12-31' }, 201)).body;
    await api(partnerToken, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Treppenlifte einbauen', kind: 'unmittelbar', ownerOrganisationId: company.organisationId, start: '2027-03-01', end: '2028-12-31' }, 201);
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const version = (await api(partnerToken, 'POST', `${q}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201)).body;

    // Both organisations must sign: the city's account sees its organisation's task too.
    const cityTasks = await tasksOf(await login(CITY));
    expect(cityTasks.data).toContainEqual(expect.objectContaining({ kind: 'sign_agreement', quarterId: quarter.id, quarterName: 'Scharnhorst-Ost', subject: String(version.number), tab: 'agreement' }));
    expect((await tasksOf(partnerToken)).data).toContainEqual(expect.objectContaining({ kind: 'sign_agreement', quarterId: quarter.id }));
    await api(partnerToken, 'POST', `${q}/agreement/versions/${version.id}/signatures`, undefined, 201);
    expect((await tasksOf(partnerToken)).data.filter((t) => t.kind === 'sign_agreement')).toEqual([]);
    expect((await tasksOf(admin)).data.filter((t) => t.kind === 'review_agreement')).toEqual([]);

    await api(admin, 'POST', '/accounts', { email: CITY_SIGNER, displayName: 'Stadtdirektorin (Test)', password: DEMO_PASSWORD, role: 'partner', organisationId: city.organisationId, canSign: true }, 201);
    await api(await login(CITY_SIGNER), 'POST', `${q}/agreement/versions/${version.id}/signatures`, undefined, 201);
    const review = (await tasksOf(admin)).data.find((t) => t.kind === 'review_agreement');
    expect(review).toMatchObject({ quarterId: quarter.id, quarterName: 'Scharnhorst-Ost', tab: 'agreement' });

    // The programme office finds it under "Meine Aufgaben" and opens the agreement tab.
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    await loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
    await page.getByTestId('menu-tasks').click();
    await page.waitForURL(/#\/tasks$/);
    const row = page.getByTestId('task').filter({ hasText: 'Scharnhorst-Ost' }).filter({ hasText: `Zielvereinbarung (Version ${version.number}) prüfen` });
    await row.waitFor();
    await shot(page, '3-office-tasks');
    await row.getByRole('link', { name: /öffnen$/ }).click();
    await page.waitForURL(new RegExp(`#/quarters/${quarter.id}/show/agreement$`));
    await page.close();
  });

  it('gives the operator the stalled quarters the dashboard counts, and the menu the same number', async () => {
    const operator = await login('operator@genq.example');
    const dashboard = (await api(operator, 'GET', '/dashboard', undefined, 200)).body;
    const tasks = await tasksOf(operator);
    expect(tasks.data.filter((t) => t.kind === 'stalled')).toHaveLength(dashboard.stalled);
    expect(tasks.data.every((t) => t.kind === 'stalled')).toBe(true);

    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
    await loginInBrowser(page, env.consoleUrl, 'operator@genq.example', DEMO_PASSWORD, 'Betreuung der Programmstelle');
    await page.locator(`[data-testid="menu-tasks"][data-total="${tasks.total}"]`).waitFor();
    await page.goto(`${env.consoleUrl}/#/tasks`);
    await page.getByTestId('tasks').getByRole('heading', { name: 'Meine Aufgaben' }).waitFor();
    await expect(page.getByTestId('task').count()).resolves.toBe(tasks.total);
    await shot(page, '4-operator-tasks');
    await page.close();
  });
});
