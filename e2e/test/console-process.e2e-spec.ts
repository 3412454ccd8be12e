import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { connectNats } from '@genq/service-kit';
import type { Call } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, until, type ConsoleStack } from './support/console';

/**
 * The operator's day in a real browser against the whole stack as `npm start` runs it: read
 * the dashboard, find the stalled quarters, extend one deadline with a reason, and extend
 * the deadlines of a filtered list of quarters in one batch, with a per-quarter result.
 * Screenshots of each screen land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-process');

/** The console's German step names (the API's `name` is a fallback only). */
const STEP_DE: Record<string, string> = {
  kickoff: 'Auftakt',
  analysis: 'Quartiersanalyse',
  strategy_workshop: 'Strategieworkshop',
  participation: 'Beteiligungsphase',
  goals_workshop: 'Zielvereinbarungsworkshop',
  decision_and_signing: 'Abstimmung und Beschluss',
  review_and_certification: 'Prüfung und Zertifizierung',
};
const label = (d: { key: string; name: string }) => STEP_DE[d.key] ?? d.name;

describe('console: finding and fixing stalled quarters', () => {
  let env: ConsoleStack;
  let api: Call;

  beforeAll(async () => {
    env = await startConsoleStack('console-process');
    api = env.apiAs(await env.login(DEMO_ADMIN.email));
  });

  afterAll(() => env?.stop());

  const signIn = async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    return loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
  };

  it('shows stalled quarters on the dashboard and in the list, and extends one deadline with a reason', async () => {
    // The demo quarters that started months ago are overdue and stalled once their workflows ran.
    const stalled = await until(
      () => api('GET', `/quarters?filter=${encodeURIComponent('{"stalled":true}')}&sort=${encodeURIComponent('["stalledSince","ASC"]')}`),
      (r) => r.status === 200 && r.body.length > 0,
    );
    const quarter = stalled.body.find((q: any) => q.phase === 'development' && q.currentStep) ?? stalled.body[0];

    // "overdue" filters the read model by overdueSince; the dashboard lists those quarters too.
    const overdue = await api('GET', `/quarters?filter=${encodeURIComponent('{"overdue":true}')}&sort=${encodeURIComponent('["overdueSince","ASC"]')}`);
    expect(overdue.status).toBe(200);
    expect(overdue.body.length).toBeGreaterThan(0);
    expect(overdue.body.every((q: any) => q.overdueSince !== null)).toBe(true);
    expect((await api('GET', `/quarters?filter=${encodeURIComponent('{"overdue":"ja"}')}`)).status).toBe(400);

    const page = await signIn();
    await page.getByTestId('dashboard-overdue').getByText(overdue.body[0].name).waitFor();
    const stalledPanel = page.getByTestId('dashboard-stalled');
    await stalledPanel.getByText(quarter.name).waitFor();
    await expect(stalledPanel.getByText(quarter.stalledReason, { exact: false }).count()).resolves.toBeGreaterThan(0);
    await shot(page, '1-dashboard');

    await page.goto(`${env.consoleUrl}/#/quarters`);
    await page.getByRole('button', { name: 'Stockende Quartiere' }).click();
    await page.waitForURL(/stalled/);
    await page.locator('tbody tr').filter({ hasText: quarter.name }).waitFor();
    // Once the filter applied, every row shows "stockend seit" and the reason.
    await until(
      async () => ({ rows: await page.locator('tbody tr').count(), stalled: await page.locator('tbody').getByText(/stockend seit/).count() }),
      ({ rows, stalled: marked }) => rows === marked && rows >= stalled.body.length,
      15_000,
    );
    await shot(page, '2-stalled-list');

    await page.locator('tbody tr').filter({ hasText: quarter.name }).click();
    const panel = page.getByTestId('process-panel');
    await panel.getByTestId('stalled-alert').waitFor();
    const before = (await api('GET', `/quarters/${quarter.id}/process`)).body;
    const step = before.steps.find((s: any) => s.key === before.currentStep);
    await panel.getByRole('button', { name: 'Frist verlängern' }).click();
    const dialog = page.getByRole('dialog');
    // The reason is required: sending without one shows the field error, nothing is sent.
    await dialog.getByRole('button', { name: 'Ausführen' }).click();
    await dialog.getByText('Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.').waitFor();
    await dialog.getByRole('combobox', { name: 'Frist' }).click();
    await page.getByRole('option', { name: new RegExp(`^${label(step)}`) }).click();
    await dialog.getByLabel('Tage', { exact: true }).fill('30');
    await dialog.getByLabel('Begründung', { exact: false }).first().fill('Daten der Kommune fehlen noch');
    await expect(dialog.getByTestId('intervention-preview').textContent()).resolves.toContain('wird statt am');
    // An extension that still lies in the past is announced before it is applied: the quarter stays stalled.
    const staysOverdue = new Date(step.due).getTime() + 30 * 86_400_000 < Date.now();
    await expect(dialog.getByTestId('intervention-still-overdue').count()).resolves.toBe(staysOverdue ? 1 : 0);
    await shot(page, '3-extend-dialog');
    await dialog.getByRole('button', { name: 'Ausführen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByTestId('intervention-list').getByText('Daten der Kommune fehlen noch', { exact: false }).waitFor();
    await shot(page, '4-quarter-after-extension');

    const after = (await api('GET', `/quarters/${quarter.id}/process`)).body;
    const extended = after.steps.find((s: any) => s.key === step.key);
    expect(new Date(extended.due).getTime() - new Date(step.due).getTime()).toBe(30 * 86_400_000);
    expect(after.interventions.at(-1)).toMatchObject({ kind: 'extend_deadline', reason: 'Daten der Kommune fehlen noch' });
    if (staysOverdue) {
      expect(after.stalled).not.toBeNull();
      expect(after.interventions.at(-1).summary).toContain('still overdue since');
    }

    // A refusal shows the process's reason: extending a completed step.
    const done = after.steps.find((s: any) => s.status === 'completed');
    if (done) {
      await panel.getByRole('button', { name: 'Frist verlängern' }).click();
      await dialog.getByRole('combobox', { name: 'Frist' }).click();
      await page.getByRole('option', { name: new RegExp(`^${label(done)}`) }).click();
      await dialog.getByLabel('Begründung', { exact: false }).first().fill('Versehentlich abgeschlossen');
      await dialog.getByRole('button', { name: 'Ausführen' }).click();
      await dialog.getByTestId('intervention-refusal').filter({ hasText: 'Nicht ausgeführt' }).waitFor();
      await shot(page, '5-refused');
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    }
    await page.close();
  });

  it('extends every open deadline of a filtered list in one batch, with preview, progress and per-quarter results', async () => {
    const filter = { programmeId: 'genq-nds-2026', phase: 'development' };
    const matching = await api('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`);
    expect(matching.body.length).toBeGreaterThan(1);
    const dueBefore = new Map<string, string>();
    for (const q of matching.body) dueBefore.set(q.id, (await api('GET', `/quarters/${q.id}/process`)).body.nextDue);

    const page = await signIn();
    await page.goto(`${env.consoleUrl}/#/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Sammelintervention' }).click();
    const preview = page.getByTestId('batch-preview-total');
    await preview.filter({ hasText: `${matching.body.length} Quartiere entsprechen` }).waitFor();
    for (const q of matching.body) await page.getByRole('dialog').getByText(q.name).first().waitFor();
    await shot(page, '6-batch-preview');
    await page.getByRole('button', { name: 'Weiter' }).click();

    const dialog = page.getByRole('dialog').filter({ hasText: 'Frist verlängern' });
    await dialog.getByLabel('alle offenen Fristen').check();
    await dialog.getByLabel('Tage', { exact: true }).fill('14');
    await dialog.getByLabel('Begründung', { exact: false }).first().fill('Kommunalwahl: Sitzungen verschoben');
    await expect(dialog.getByTestId('intervention-preview').textContent()).resolves.toContain('um 14 Tage verschoben');
    await dialog.getByRole('button', { name: `Für ${matching.body.length} Quartiere starten` }).click();

    const progress = page.getByTestId('batch-progress');
    await progress.filter({ hasText: 'Abgeschlossen' }).waitFor({ timeout: 120_000 });
    await expect(progress.textContent()).resolves.toContain(`${matching.body.length} ausgeführt`);
    await expect(page.getByTestId('batch-results').locator('tbody tr').count()).resolves.toBe(matching.body.length);
    for (const q of matching.body) await page.getByTestId('batch-results').getByText(q.name).waitFor();
    await shot(page, '7-batch-result');

    for (const q of matching.body) {
      const state = (await api('GET', `/quarters/${q.id}/process`)).body;
      expect(new Date(state.nextDue).getTime() - new Date(dueBefore.get(q.id)!).getTime()).toBe(14 * 86_400_000);
      expect(state.interventions.at(-1)).toMatchObject({ kind: 'extend_deadline', reason: 'Kommunalwahl: Sitzungen verschoben' });
    }

    // A message no consumer can read goes to the dead letters; the outbox view warns the operator.
    const nc = (await connectNats({ url: env.stack.natsUrl, streamReplicas: 1 }, 'e2e-console-process'))!;
    await nc.jetstream().publish('genq.events.agreements.agreement.bound', 'kein Ereignis {');
    await nc.close();
    const letters = await until(
      () => api('GET', '/dead-letters'),
      (r) => r.status === 200 && r.body.length > 0,
    );
    expect(letters.body[0]).toMatchObject({ consumer: 'process-bridge', subject: 'genq.events.agreements.agreement.bound', eventId: null, quarterId: null, deliveries: 1 });
    expect((await api('GET', '/events/status')).body).toMatchObject({ deadLetters: 1, consumers: expect.arrayContaining([expect.objectContaining({ name: 'process-bridge', pending: 0 })]) });
    await page.goto(`${env.consoleUrl}/#/notifications`);
    const alert = page.getByTestId('dead-letter-alert');
    await alert.getByText('1 Ereignis konnte nicht zugestellt werden').waitFor();
    await shot(page, '8-notifications');
    await alert.getByRole('link', { name: 'Anzeigen' }).click();
    await page.getByText('process-bridge').first().waitFor();
    await shot(page, '9-dead-letters');
    await page.close();
  });
});
