import { run } from '@genq/infra';
import { adminWithProgramme, createQuarter, eventually, startTestStack, type TestStack } from './support/api';

/**
 * Issue 18: technical incidents with real processes. The actors service (which holds the
 * quarters' read model) is killed while a quarter's process needs its projection: the
 * projection activity fails again and again. Once the service is back, the worker's scanner
 * (thresholds shortened here) reports the failing activities as incidents, the dashboard's
 * count shows them, the operators get a notice in the outbox, and "retry now" (Temporal's
 * activity reset, through the repair workflow) clears them long before their backoff would
 * have: the read model catches up and the incidents are resolved as repaired, audited.
 */
jest.setTimeout(10 * 60_000);

describe('incidents: a failing projection found, counted, retried and resolved', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-incidents';
  const as = (method: string, path: string, body?: unknown, expected?: number) => env.apiAs(admin)(method, path, body, expected);

  beforeAll(async () => {
    env = await startTestStack('incidents', {
      env: { INCIDENT_SCAN_EVERY_MS: '1000', INCIDENT_ACTIVITY_ATTEMPTS: '3', INCIDENT_ACTIVITY_AGE_MS: '600000', INCIDENT_NOTIFY_AFTER_MS: '1000' },
    });
    admin = await adminWithProgramme(env, P, 'GenQ Störungstest');
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('shows the stuck quarter within seconds of the service coming back, and "retry now" repairs it', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Wolfsburg-Detmerode', municipality: 'Wolfsburg', land: 'Niedersachsen', housingCompany: 'Neuland', programmeId: P });
    const { stack } = env;
    const filter = encodeURIComponent(JSON.stringify({ status: 'open', quarterId: quarter.id }));

    // The actors service dies; the quarter is paused through Temporal's own tool (the gateway
    // cannot check the caller's scope without the actors service), so the workflow needs to
    // project its new state: the projection (and the audit entry) fail on every attempt. On a
    // loaded machine the quarter's first projection may still be pending here; the pause is
    // then projected right after it (the lifecycle keeps a change made during a projection).
    await stack.apps.actors!.kill();
    const intervention = { kind: 'pause', reason: 'Störungstest', operator: { id: 'e2e', name: 'E2E' } };
    const update = await run(stack.temporalBin, [
      'workflow', 'update', 'start', '--address', stack.temporalAddress, '--workflow-id', `quarter-${quarter.id}`,
      '--name', 'intervene', '--input', JSON.stringify(intervention), '--wait-for-stage', 'accepted',
    ], { timeoutMs: 60_000 });
    expect(update.code).toBe(0);
    // Past the attempt at about 126 s of the backoff (2 s doubling): the next one is two minutes
    // later, so the incident stays open long enough to be found and retried before it.
    await new Promise((r) => setTimeout(r, 135_000));
    await stack.restartService('actors');
    const restarted = Date.now();

    const incidents = await eventually(async () => {
      const r = await as('GET', `/incidents?filter=${filter}`);
      return r.status === 200 && r.body.some((i: { activityType: string }) => i.activityType === 'projectProcessState') && r.body;
    }, 'the failing projection to show as an incident', 60_000);
    const found = Date.now() - restarted;
    const projection = incidents.find((i: { activityType: string }) => i.activityType === 'projectProcessState');
    expect(projection).toMatchObject({ kind: 'activity', workflowId: `quarter-${quarter.id}`, workflowType: 'quarterLifecycleWorkflow', status: 'open', quarterId: quarter.id, programmeId: P, paused: false });
    expect(projection.attempts).toBeGreaterThanOrEqual(3);
    expect(projection.message).not.toBe('');
    // Its next retry is well ahead: without a repair the quarter would stay stale that long.
    expect(Date.parse(projection.nextRetryAt)).toBeGreaterThan(Date.now() + 10_000);
    console.log(`incident listed ${found} ms after the actors service took requests again`);

    const counts = (await as('GET', '/incidents/counts', undefined, 200)).body;
    expect(counts.open).toBeGreaterThanOrEqual(1);
    expect(counts.byKind.activity).toBeGreaterThanOrEqual(1);
    expect((await as('GET', `/quarters/${quarter.id}`, undefined, 200)).body.paused).toBe(false); // the read model is stale

    // Open longer than the (shortened) threshold: a notice for the operators in the outbox.
    await eventually(async () => {
      const r = await as('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ kind: 'incident', quarterId: quarter.id }))}`);
      return r.status === 200 && r.body.length > 0;
    }, 'the incident notice in the outbox', 30_000);

    // A one-incident refusal says why: an activity cannot be cancelled.
    const refused = await as('POST', '/incidents/actions', { id: projection.id, action: 'cancel', reason: 'falsche Aktion' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('incident.cancel_only_batches');

    // Retry now, for every open incident of the quarter at once.
    const retried = await as('POST', '/incidents/actions', { filter: { quarterId: quarter.id }, action: 'retry', reason: 'Akteursdienst wieder erreichbar' }, 200);
    expect(retried.body.applied).toBe(retried.body.total);
    // The read model catches up at once (a second or two): the retry resets the activity and
    // watches it start. A minute is generous on a loaded machine and still well before the
    // activity's own next attempt (ten seconds short of it at most), so without the retry
    // this wait would fail.
    const retriedAt = Date.now();
    const ownRetryIn = Date.parse(projection.nextRetryAt) - retriedAt;
    const wait = Math.min(60_000, ownRetryIn - 10_000);
    expect(wait).toBeGreaterThanOrEqual(30_000);
    await eventually(async () => (await as('GET', `/quarters/${quarter.id}`, undefined, 200)).body.paused === true, 'the read model to catch up after "retry now"', wait);
    console.log(`read model caught up ${Date.now() - retriedAt} ms after "retry now"; the activity's own next attempt was ${ownRetryIn} ms away`);
    const resolved = await eventually(async () => {
      const r = await as('GET', `/incidents/${projection.id}`, undefined, 200);
      return r.body.status === 'resolved' && r.body;
    }, 'the incident to be resolved', 30_000);
    expect(resolved).toMatchObject({ resolution: 'repaired', lastRepair: { action: 'retry', outcome: 'applied', reason: 'Akteursdienst wieder erreichbar' } });
    expect((await as('GET', '/incidents/counts', undefined, 200)).body.open).toBe(0);
    const audit = await as('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'incident.retry', resourceId: projection.id }))}`, undefined, 200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ resourceType: 'incident', quarterId: quarter.id, reason: 'Akteursdienst wieder erreichbar' });
  });
});
