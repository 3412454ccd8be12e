import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { connectNats } from '@genq/service-kit';
import type { Call } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, until, type ConsoleStack } from './support/console';

/**
 * The operator's day in a real browser against the whole stack as `npm start` runs it: read
 * the dashboard, find the stalled quarters, extend one deadline with a reason, and extend
 * the deadlines of a filtered list of quarters in one batch, with a per-quarter result. Then
 * a partner completes steps by their deliverables in the forms: the kick-off of
 * Scharnhorst-Ost (the process hears of it through the event stream) and the participation
 * record. Screenshots of each screen land in e2e/test-artifacts/ (gitignored).
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
const PARTNER = 'partner.dortmund@genq.example';
/** Today as the console shows it in German (TT.MM.JJJJ), and as the forms send it. */
const todayIso = () => new Date().toISOString().slice(0, 10);
const todayDe = () => todayIso().split('-').reverse().join('.');

describe('console: finding and fixing stalled quarters', () => {
  let env: ConsoleStack;
  let api: Call;

  beforeAll(async () => {
    env = await startConsoleStack('console-process');
    api = env.apiAs(await env.login(DEMO_ADMIN.email));
  });

  afterAll(() => env?.stop());

  const signIn = async (email = DEMO_ADMIN.email, role = 'Programmstelle (Administration)') => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    return loginInBrowser(page, env.consoleUrl, email, DEMO_PASSWORD, role);
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
      expect(after.interventions.at(-1).summaryCode).toBe('due_still_overdue');
    }
    // The summary is said in German from its code, never as the process's English.
    await panel.getByTestId('intervention-list').getByText(/fällig am/).first().waitFor();
    await expect(panel.getByTestId('intervention-list').getByText(/ due |still overdue/).count()).resolves.toBe(0);

    // A refusal shows the process's reason: extending a completed step.
    const done = after.steps.find((s: any) => s.status === 'completed');
    if (done) {
      await panel.getByRole('button', { name: 'Frist verlängern' }).click();
      await dialog.getByRole('combobox', { name: 'Frist' }).click();
      await page.getByRole('option', { name: new RegExp(`^${label(done)}`) }).click();
      await dialog.getByLabel('Begründung', { exact: false }).first().fill('Versehentlich abgeschlossen');
      await dialog.getByRole('button', { name: 'Ausführen' }).click();
      // Said in German from the refusal's code (deadline.done_reopen_first), not in the process's English.
      const refusal = dialog.getByTestId('intervention-refusal');
      await refusal.filter({ hasText: `Nicht ausgeführt: „${done.name}“ ist bereits abgeschlossen. Bitte öffnen Sie den Schritt zuerst wieder.` }).waitFor();
      await expect(refusal.textContent()).resolves.not.toMatch(/already|reopen/);
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
    // Each quarter's summary said in German from its code (shifted_all), never the process's English.
    await expect(page.getByTestId('batch-results').getByText(/offenen Fristen um 14 Tage verschoben/).count()).resolves.toBe(matching.body.length);
    await expect(page.getByTestId('batch-results').getByText(/remaining deadlines/).count()).resolves.toBe(0);
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

  it('records the kick-off and closes the participation phase of Scharnhorst-Ost as the partner, in the forms', async () => {
    const quarters = (await api('GET', `/quarters?range=${encodeURIComponent('[0,99]')}`)).body as Array<{ id: string; name: string }>;
    const quarter = quarters.find((q) => q.name === 'Scharnhorst-Ost')!;
    const q = `/quarters/${quarter.id}`;
    // The demo seed leaves Scharnhorst-Ost at its kick-off, with nothing recorded yet.
    expect((await api('GET', `${q}/kickoff`)).status).toBe(204);
    expect((await api('GET', `${q}/participation-record`)).status).toBe(204);
    const eventsBefore = (await api('GET', `${q}/participation-events`)).body as unknown[];

    // Reading roles see that nothing is recorded, and no form.
    const viewer = await signIn('viewer@genq.example', 'Lesezugriff');
    await viewer.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/actors`);
    await viewer.getByTestId('kickoff-panel').getByText('Der Auftakt ist noch nicht erfasst.').waitFor();
    await expect(viewer.getByTestId('kickoff-form').count()).resolves.toBe(0);
    await expect(viewer.getByTestId('participation-record-form').count()).resolves.toBe(0);
    await viewer.close();

    const page = await signIn(PARTNER, 'Partnerorganisation');
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/actors`);
    const form = page.getByTestId('kickoff-form');
    await form.waitFor();
    // The leads are people of the organisations taking part; the facilitator anyone, found by the filter.
    await form.getByRole('combobox', { name: 'Projektleitung Kommune' }).click();
    await page.getByRole('option', { name: /^Markus Lehmann/ }).click();
    await form.getByLabel('Prozessbegleitung suchen').fill('Wagner');
    await form.getByRole('combobox', { name: /^Prozessbegleitung/ }).click();
    await page.getByRole('option', { name: /^Tobias Wagner/ }).click();
    await form.getByLabel('Notizen (optional)').fill('Auftakt im Stadtteilbüro Scharnhorst');
    // No lead for the housing company: the API's field message shows at the field, in German.
    await form.getByRole('button', { name: 'Auftakt erfassen' }).click();
    // Said from its field problem code beside the field (the actors context may give it a code of its own).
    await form.getByText(/^(muss eine gültige ID \(UUID\) sein\.|Bitte wählen Sie eine Person aus\.?)$/).first().waitFor();
    await expect(form.getByText(/must name a person/).count()).resolves.toBe(0);
    await shot(page, '10-kickoff-field-error');
    expect((await api('GET', `${q}/kickoff`)).status).toBe(204);

    await form.getByRole('combobox', { name: 'Projektleitung Wohnungsunternehmen' }).click();
    await page.getByRole('option', { name: /^Tim Brückner/ }).click();
    await form.getByRole('button', { name: 'Auftakt erfassen' }).click();
    const kickoff = page.getByTestId('kickoff-panel');
    await kickoff.getByText('Tim Brückner (DOGEWO21)').waitFor();
    await kickoff.getByText('Markus Lehmann (Stadt Dortmund)').waitFor();
    await kickoff.getByText('Tobias Wagner (Quartiersbegleitung Ruhr)').waitFor();
    await expect(kickoff.getByText(todayDe(), { exact: true }).count()).resolves.toBe(2);
    await expect(page.getByTestId('kickoff-form').count()).resolves.toBe(0);
    await shot(page, '11-kickoff-recorded');
    const record = (await api('GET', `${q}/kickoff`)).body;
    expect(record).toMatchObject({ date: todayIso(), declarationSignedOn: todayIso(), notes: 'Auftakt im Stadtteilbüro Scharnhorst', housingCompanyLead: { name: 'Tim Brückner' } });

    // The process hears of the kick-off through the event stream: Auftakt is completed.
    await until(
      () => api('GET', `${q}/process`),
      (r) => r.status === 200 && r.body.steps.find((s: any) => s.key === 'kickoff')?.status === 'completed',
      30_000,
    );
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show`);
    await page.getByTestId('deadline-kickoff').getByText('abgeschlossen').waitFor();
    await shot(page, '12-process-kickoff-completed');

    // The participation phase: closing it before any event is refused, in German.
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/actors`);
    const closing = page.getByTestId('participation-record-form');
    await closing.waitFor();
    await closing.getByLabel('Vorschläge (einer je Zeile)').fill('Treffpunkt für alle Generationen am Marktplatz\nBänke am Weg zum Einkauf');
    await closing.getByLabel('Zusammenfassung (optional)').fill('Ein Workshop; Schwerpunkt Treffpunkte und Wege');
    if (eventsBefore.length === 0) {
      await closing.getByRole('button', { name: 'Beteiligungsphase abschließen' }).click();
      await closing.getByTestId('participation-record-refusal').getByText('Erfassen Sie mindestens ein Beteiligungsformat, bevor Sie die Beteiligungsphase abschließen.').waitFor();
      await shot(page, '13-participation-refused');
    }
    // A workshop through the events form, then the phase closes with its proposals.
    await page.getByLabel('Teilnehmende nach Alter 18-64').fill('12');
    await page.getByLabel('Teilnehmende nach Alter 65-79').fill('5');
    await page.getByLabel('Ergebnisse').fill('Treffpunkt gewünscht');
    await page.getByRole('button', { name: 'Beteiligung erfassen' }).click();
    await page.getByTestId('participation-events').getByText('Treffpunkt gewünscht', { exact: false }).waitFor();
    await closing.getByRole('button', { name: 'Beteiligungsphase abschließen' }).click();
    const closed = page.getByTestId('participation-record-panel');
    await closed.getByText('Beteiligungsphase abgeschlossen').waitFor();
    await closed.getByTestId('participation-proposals').getByText('Bänke am Weg zum Einkauf').waitFor();
    await closed.getByText(todayDe(), { exact: true }).waitFor();
    if (eventsBefore.length === 0) await expect(closed.getByTestId('participation-record-figures').textContent()).resolves.toBe('Beteiligungsformate: 1 · Teilnehmende: 17');
    await shot(page, '14-participation-closed');
    const participation = (await api('GET', `${q}/participation-record`)).body;
    expect(participation).toMatchObject({
      closedOn: todayIso(),
      proposals: [{ text: 'Treffpunkt für alle Generationen am Marktplatz' }, { text: 'Bänke am Weg zum Einkauf' }],
      summary: 'Ein Workshop; Schwerpunkt Treffpunkte und Wege',
    });

    // The goals workshop agrees drafted goals and measures: without any, the refusal shows in German.
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/concept`);
    const workshop = page.getByTestId('goals-workshop-form');
    await workshop.getByLabel('Teilnehmende', { exact: true }).fill('DOGEWO21, Stadt Dortmund, Quartiersbegleitung Ruhr');
    await workshop.getByRole('button', { name: 'Workshop erfassen' }).click();
    await workshop.getByTestId('goals-workshop-refusal').getByText('Entwerfen Sie zuerst mindestens ein Ziel mit einer Maßnahme', { exact: false }).waitFor();
    await page.getByTestId('goals-workshop-panel').getByText('Noch kein Zielvereinbarungsworkshop erfasst.').waitFor();
    await shot(page, '15-goals-workshop-refused');
    await page.close();
  });
});
