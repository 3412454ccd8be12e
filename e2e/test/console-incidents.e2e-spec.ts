import { DEMO_PASSWORD, run } from '@genq/infra';
import type { Browser } from 'playwright-core';
import { adminWithProgramme, createQuarter, eventually, startTestStack, type TestStack } from './support/api';
import { launchBrowser, loginInBrowser, screenshots } from './support/console';

/**
 * "Störungen" (issue 18) in a real browser: an operator finds a real incident (the actors
 * service killed while a quarter's process needs its projection, as in incidents.e2e-spec.ts)
 * in the console's list, repairs it from the row's dialog with "Erneut versuchen" and a reason,
 * and then finds it among the resolved ones, resolved by the repair. Screenshots land in
 * e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(15 * 60_000);

const shot = screenshots('console-incidents');
const OPERATOR = 'operator.stoerungen@genq.example';

interface PendingActivity {
  activityType?: { name?: string };
  attempt?: number;
  nextAttemptScheduleTime?: string;
}

describe('console: Störungen', () => {
  let env: TestStack;
  let browser: Browser;
  let admin: string;
  const P = 'genq-console-incidents';
  const as = (method: string, path: string, body?: unknown, expected?: number) => env.apiAs(admin)(method, path, body, expected);

  beforeAll(async () => {
    env = await startTestStack('console-incidents', {
      withConsole: true,
      env: { INCIDENT_SCAN_EVERY_MS: '1000', INCIDENT_ACTIVITY_ATTEMPTS: '3', INCIDENT_ACTIVITY_AGE_MS: '600000', INCIDENT_NOTIFY_AFTER_MS: '600000' },
    });
    browser = await launchBrowser();
    admin = await adminWithProgramme(env, P, 'GenQ Störungen im Browser');
    await as('POST', '/accounts', { email: OPERATOR, displayName: 'Betreuung (Störungstest)', password: DEMO_PASSWORD, role: 'operator', programmeIds: [P] }, 201);
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  /** The quarter workflow's pending projection as Temporal describes it. */
  const pendingProjection = async (workflowId: string): Promise<PendingActivity | undefined> => {
    const { stack } = env;
    const r = await run(stack.temporalBin, ['workflow', 'describe', '--address', stack.temporalAddress, '--workflow-id', workflowId, '-o', 'json'], { timeoutMs: 30_000 });
    if (r.code !== 0) return undefined;
    const described = JSON.parse(r.stdout) as { pendingActivities?: PendingActivity[] };
    return described.pendingActivities?.find((a) => a.activityType?.name === 'projectProcessState');
  };

  it('lists the open incident for the operator, who retries it from the dialog with a reason; it then shows as resolved', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Hannover-Sahlkamp', municipality: 'Hannover', land: 'Niedersachsen', housingCompany: 'hanova', programmeId: P });
    const workflowId = `quarter-${quarter.id}`;
    const { stack } = env;

    // The actors service dies and the quarter is paused through Temporal's own tool, so the
    // workflow's projection fails on every attempt (see incidents.e2e-spec.ts).
    await stack.apps.actors!.kill();
    const intervention = { kind: 'pause', reason: 'Störungstest im Browser', operator: { id: 'e2e', name: 'E2E' } };
    const update = await run(stack.temporalBin, [
      'workflow', 'update', 'start', '--address', stack.temporalAddress, '--workflow-id', workflowId,
      '--name', 'intervene', '--input', JSON.stringify(intervention), '--wait-for-stage', 'accepted',
    ], { timeoutMs: 60_000 });
    expect(update.code).toBe(0);
    // Wait (on Temporal's own view, not a fixed time) until the backoff has grown past 90 s:
    // the incident then stays open long enough to be found and repaired by hand before the
    // activity's own next attempt would succeed.
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      const pending = await pendingProjection(workflowId);
      const next = pending?.nextAttemptScheduleTime ? Date.parse(pending.nextAttemptScheduleTime) : NaN;
      if (next > Date.now() + 90_000) break;
      if (Date.now() > deadline) throw new Error(`the projection's backoff never grew past 90 s: ${JSON.stringify(pending)}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    await stack.restartService('actors');

    const filter = encodeURIComponent(JSON.stringify({ status: 'open', quarterId: quarter.id }));
    const incident = await eventually(async () => {
      const r = await as('GET', `/incidents?filter=${filter}`);
      return r.status === 200 && r.body.find((i: { activityType: string }) => i.activityType === 'projectProcessState');
    }, 'the failing projection to show as an incident', 60_000);
    expect((await as('GET', `/quarters/${quarter.id}`, undefined, 200)).body.paused).toBe(false); // stale

    // The operator opens "Störungen": the open incident with what fails and its attempts.
    const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1600, height: 900 } });
    await loginInBrowser(page, stack.consoleUrl!, OPERATOR, DEMO_PASSWORD, 'Betreuung der Programmstelle');
    await page.goto(`${stack.consoleUrl}/#/incidents`);
    const row = page.getByTestId('incident-list').locator('tbody tr').filter({ hasText: 'projectProcessState' });
    await row.waitFor({ timeout: 60_000 });
    await row.getByText('Aktivität', { exact: true }).waitFor();
    await row.getByText('offen', { exact: true }).waitFor();
    await row.getByText(workflowId, { exact: true }).waitFor();
    await shot(page, '1-open');

    // Repair it: "Erneut versuchen" is the dialog's default; the button waits for a reason.
    await page.getByTestId(`incident-repair-${incident.id}`).click();
    const dialog = page.getByTestId('incident-repair-dialog');
    await dialog.getByRole('heading', { name: 'Störung reparieren' }).waitFor();
    await dialog.getByText('Erneut versuchen').waitFor();
    await expect(dialog.getByTestId('incident-repair-submit').isDisabled()).resolves.toBe(true);
    await dialog.getByTestId('incident-repair-reason').fill('Akteursdienst läuft wieder');
    await dialog.getByTestId('incident-repair-submit').click();
    await dialog.getByTestId('incident-repair-result').filter({ hasText: /1 ausgeführt, 0 abgelehnt, 0 fehlgeschlagen|Die Reparatur läuft noch/ }).waitFor({ timeout: 60_000 });
    await shot(page, '2-repaired');
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    // The retry, not the backoff, brings the read model up to date; the incident is resolved.
    await eventually(async () => (await as('GET', `/quarters/${quarter.id}`, undefined, 200)).body.paused === true, 'the read model to catch up', 60_000);
    await eventually(async () => (await as('GET', `/incidents/${incident.id}`, undefined, 200)).body.status === 'resolved', 'the incident to be resolved', 60_000);
    await page.goto(`${stack.consoleUrl}/#/incidents?filter=${encodeURIComponent(JSON.stringify({ status: 'resolved' }))}`);
    const resolved = page.getByTestId('incident-list').locator('tbody tr').filter({ hasText: workflowId }).filter({ hasText: 'projectProcessState' });
    await resolved.getByText('behoben', { exact: true }).waitFor({ timeout: 60_000 });
    await resolved.getByText('Reparatur', { exact: true }).waitFor();
    await expect(resolved.getByTestId(`incident-repair-${incident.id}`).count()).resolves.toBe(0);
    await shot(page, '3-resolved');
    await page.close();

    const audit = await as('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'incident.retry', resourceId: incident.id }))}`, undefined, 200);
    expect(audit.body).toEqual([expect.objectContaining({ resourceType: 'incident', reason: 'Akteursdienst läuft wieder' })]);
  });
});
