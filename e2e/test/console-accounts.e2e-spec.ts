import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import type { Call } from './support/api';
import { screenshots, signInAsProgrammeAdmin, startConsoleStack, until, type ConsoleStack } from './support/console';

/**
 * Issue 17 in a real browser against the whole stack: the programme office edits an account
 * (a role's rule said beside the field, in German), deactivates and reactivates it, resets its
 * password to a one-time password shown once, and is refused with a German reason when it
 * tries to deactivate itself; an operator's extension whose new date still lies in the past is
 * warned about before it is applied, and the result says the quarter stays overdue.
 * Screenshots land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-accounts');

describe('console: accounts and an extension into the past', () => {
  let env: ConsoleStack;
  let api: Call;

  beforeAll(async () => {
    env = await startConsoleStack('console-accounts');
    api = env.apiAs(await env.login(DEMO_ADMIN.email));
  });

  afterAll(() => env?.stop());

  const signIn = async () => {
    return signInAsProgrammeAdmin(env, { width: 1280, height: 900 });
  };

  it('edits, deactivates, reactivates and resets an account, and refuses to deactivate your own', async () => {
    const programmeId = (await api('GET', '/programmes', undefined, 200)).body[0].id as string;
    const organisation = (await api('POST', '/organisations', { name: 'Wohnungsgenossenschaft Konto eG', type: 'housing_company', programmeId }, 201)).body;
    const email = 'konto.browser@genq.example';
    const account = (await api('POST', '/accounts', { email, displayName: 'Karla Konto', password: DEMO_PASSWORD, role: 'partner', organisationId: organisation.id }, 201)).body;

    const page = await signIn();
    // The menu offers the accounts to the programme office; the list finds one by its address.
    await page.getByRole('menuitem', { name: 'Benutzerkonten' }).or(page.getByRole('link', { name: 'Benutzerkonten' })).first().waitFor();
    await page.goto(`${env.consoleUrl}/#/accounts?filter=${encodeURIComponent(JSON.stringify({ q: 'konto.browser' }))}`);
    await page.locator('tbody tr').filter({ hasText: email }).filter({ hasText: 'Partnerorganisation' }).click();
    await page.waitForURL(new RegExp(`#/accounts/${account.id}$`));
    await page.getByLabel('Anzeigename').waitFor();
    await shot(page, '1-account-edit');

    // An operator needs programmes: the gateway's rule is said beside the field, in German.
    await page.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Betreuung der Programmstelle' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Rolle „Betreuung der Programmstelle“ braucht mindestens ein Programm.').first().waitFor();
    await shot(page, '2-role-refused');
    expect((await api('GET', `/accounts/${account.id}`, undefined, 200)).body.role).toBe('partner');
    await page.reload();
    await page.getByLabel('Anzeigename').waitFor();

    // Deactivate after a confirmation; the account is out at once.
    await page.getByTestId('account-deactivate').click();
    await page.getByRole('dialog').getByText('Die Person wird sofort abgemeldet').waitFor();
    await page.getByTestId('account-deactivate-confirm').click();
    await page.getByText('Das Konto ist deaktiviert; alle Sitzungen sind beendet.').waitFor();
    await page.getByTestId('account-deactivated').waitFor();
    expect((await api('GET', `/accounts/${account.id}`, undefined, 200)).body.disabled).toBe(true);
    expect((await env.api('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(401);
    await shot(page, '3-deactivated');
    await page.getByTestId('account-reactivate').click();
    await page.getByText('Das Konto ist wieder aktiv.').waitFor();
    expect((await api('GET', `/accounts/${account.id}`, undefined, 200)).body.disabled).toBe(false);

    // A one-time password, shown once; the old one stops working.
    await page.getByTestId('account-reset-password').click();
    await page.getByTestId('account-reset-confirm').click();
    const shown = page.getByTestId('account-new-password');
    await shown.waitFor();
    const password = (await shown.textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await shot(page, '4-new-password');
    expect((await env.api('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(401);
    expect((await env.api('POST', '/auth/login', { body: { email, password } })).status).toBe(200);
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen' }).click();

    // Your own account: refused with the German reason, nothing changes.
    const me = (await api('GET', '/auth/me', undefined, 200)).body;
    await page.goto(`${env.consoleUrl}/#/accounts/${me.id}`);
    await page.getByLabel('Anzeigename').waitFor();
    await page.getByTestId('account-deactivate').click();
    await page.getByTestId('account-deactivate-confirm').click();
    await page.getByText('Ihr eigenes Konto können Sie nicht deaktivieren.', { exact: false }).waitFor();
    await shot(page, '5-self-refused');
    expect((await api('GET', `/accounts/${me.id}`, undefined, 200)).body.disabled).toBe(false);

    // The audit log names the account and says its changes in words.
    await page.goto(`${env.consoleUrl}/#/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'account.deactivate', resourceId: account.id }))}`);
    await page.locator('tbody tr').filter({ hasText: 'Benutzerkonto deaktiviert' }).filter({ hasText: '„Karla Konto“' }).click();
    const snapshot = page.getByTestId('audit-snapshot');
    await snapshot.getByRole('row', { name: /Deaktiviert\s*Nein\s*Ja/ }).waitFor();
    await snapshot.getByRole('row', { name: /Organisation\s*Wohnungsgenossenschaft Konto eG\s*Wohnungsgenossenschaft Konto eG/ }).waitFor();
    await shot(page, '6-audit-entry');
    await page.close();
  });

  it('warns before an extension that leaves the deadline in the past, and says the quarter stays overdue', async () => {
    // A demo quarter whose current step is overdue by more than a day: extending it by one day leaves it in the past.
    const stalled = await until(
      () => api('GET', `/quarters?filter=${encodeURIComponent('{"stalled":true,"phase":"development"}')}&sort=${encodeURIComponent('["stalledSince","ASC"]')}`),
      (r) => r.status === 200 && r.body.length > 0,
      5 * 60_000,
    );
    let quarter: { id: string; name: string } | undefined;
    let step: { key: string; name: string; due: string } | undefined;
    for (const q of stalled.body) {
      const process = (await api('GET', `/quarters/${q.id}/process`, undefined, 200)).body;
      const current = process.steps.find((s: { key: string }) => s.key === process.currentStep);
      if (current?.due && new Date(current.due).getTime() + 2 * 86_400_000 < Date.now()) {
        quarter = q;
        step = current;
        break;
      }
    }
    expect(quarter).toBeDefined();

    const page = await signIn();
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter!.id}/show`);
    const panel = page.getByTestId('process-panel');
    await panel.getByRole('button', { name: 'Frist verlängern' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Frist' }).click();
    // The step's option names its due date as the dialog says it (the browser runs on this machine's time zone).
    const due = new Date(step!.due).toLocaleDateString('de-DE', { dateStyle: 'medium' });
    await page.getByRole('option').filter({ hasText: `fällig am ${due}` }).first().click();
    await dialog.getByLabel('Tage', { exact: true }).fill('1');
    await dialog.getByLabel('Begründung', { exact: false }).first().fill('Nachfrist von einem Tag');
    // The warning comes before anything is applied.
    await dialog.getByTestId('intervention-still-overdue').filter({ hasText: 'Die neue Frist liegt in der Vergangenheit: Das Quartier bleibt überfällig und stockend.' }).waitFor();
    await shot(page, '7-extension-into-the-past');
    await dialog.getByRole('button', { name: 'Ausführen' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The result says so too, in German.
    await page.getByText(/weiterhin überfällig seit .*, das Quartier bleibt stockend/).first().waitFor();
    await shot(page, '8-still-overdue');
    const after = (await api('GET', `/quarters/${quarter!.id}/process`, undefined, 200)).body;
    expect(after.stalled).not.toBeNull();
    expect(after.interventions.at(-1)).toMatchObject({ kind: 'extend_deadline', summaryCode: 'due_still_overdue' });
    await page.close();
  });
});
