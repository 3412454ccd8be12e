import { randomUUID } from 'node:crypto';
import { run } from '@genq/infra';
import { BATCH_INTERVENTION_WORKFLOW, PROCESS_TASK_QUEUE, batchWorkflowId, type BatchInterventionInput } from '@genq/contracts';
import { adminWithProgramme, createQuarter, eventually, startTestStack, type TestStack } from './support/api';

/**
 * Issue 18: technical incidents with real processes. The actors service (which holds the
 * quarters' read model) is killed while a quarter's process needs its projection: the
 * projection activity fails again and again. Once the service is back, the worker's scanner
 * (thresholds shortened here) reports the failing activities as incidents, the dashboard's
 * count shows them, the operators get a notice in the outbox, and "retry now" (Temporal's
 * activity reset, through the repair workflow) clears them long before their backoff would
 * have: the read model catches up and the incidents are resolved as repaired, audited.
 *
 * In the same outage a second quarter's projection and a batch intervention (its audit entry)
 * fail too. The second quarter's incident is paused, which holds its projection past the
 * activity's own next attempt (the service is back by then: the API needs it), and resumed,
 * which runs it at once; a pause of the paused activity and a resume of a running one are
 * refused with a code. The batch's incident is cancelled: the batch ends as cancelled.
 */
jest.setTimeout(15 * 60_000);

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
    // Paused and resumed below.
    const second = await createQuarter(env.apiAs(admin), { name: 'Wolfsburg-Westhagen', municipality: 'Wolfsburg', land: 'Niedersachsen', housingCompany: 'Neuland', programmeId: P });
    const { stack } = env;
    const filter = encodeURIComponent(JSON.stringify({ status: 'open', quarterId: quarter.id }));
    const temporal = (...args: string[]) => run(stack.temporalBin, [...args, '--address', stack.temporalAddress], { timeoutMs: 60_000 });

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
    const secondUpdate = await temporal('workflow', 'update', 'start', '--workflow-id', `quarter-${second.id}`, '--name', 'intervene', '--input', JSON.stringify(intervention), '--wait-for-stage', 'accepted');
    expect(secondUpdate.code).toBe(0);
    // A batch started now (by Temporal's tool: the gateway needs the actors service to find its
    // quarters) stops at its first step, the batch's audit entry. Its quarter does not exist:
    // should the batch get past the entry after all, it refuses that quarter and ends.
    const batchId = randomUUID();
    const batch: BatchInterventionInput = {
      batchId,
      quarterIds: [randomUUID()],
      intervention: { kind: 'pause', reason: 'Störungstest Sammelintervention', operator: { id: 'e2e', name: 'E2E' } } as BatchInterventionInput['intervention'],
      filter: { programmeId: P },
      requestedAt: new Date().toISOString(),
      audit: { actor: { userId: 'e2e', email: null, role: 'operator' }, requestId: null, quarterIdsByProgramme: { [P]: [] } },
      parallelism: 1,
    };
    const started = await temporal('workflow', 'start', '--type', BATCH_INTERVENTION_WORKFLOW, '--task-queue', PROCESS_TASK_QUEUE, '--workflow-id', batchWorkflowId(batchId), '--input', JSON.stringify(batch));
    expect(started.code).toBe(0);
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

    // The batch's failing audit entry is an incident of no quarter; "cancel" ends the batch.
    const batchIncident = await eventually(async () => {
      const r = await as('GET', `/incidents?filter=${encodeURIComponent(JSON.stringify({ status: 'open', workflowId: batchWorkflowId(batchId) }))}`);
      return r.status === 200 && r.body.find((i: { kind: string }) => i.kind === 'activity');
    }, "the batch's failing activity to show as an incident", 60_000);
    expect(batchIncident).toMatchObject({ workflowType: BATCH_INTERVENTION_WORKFLOW, activityType: 'recordAudit', quarterId: null, programmeId: null, paused: false });
    const cancelled = await as('POST', '/incidents/actions', { id: batchIncident.id, action: 'cancel', reason: 'Sammelintervention hängt' }, 200);
    expect(cancelled.body).toMatchObject({ action: 'cancel', total: 1, applied: 1 });
    const ended = await eventually(async () => {
      const r = await temporal('workflow', 'describe', '--workflow-id', batchWorkflowId(batchId), '--output', 'json');
      const status = r.code === 0 ? String(JSON.parse(r.stdout).workflowExecutionInfo?.status ?? '') : '';
      return /COMPLETED|FAILED|CANCELED|TERMINATED|TIMED_OUT/i.test(status) && status;
    }, 'the batch to end', 120_000);
    expect(ended).toMatch(/CANCELED/i);
    expect(await eventually(async () => {
      const r = await as('GET', `/incidents/${batchIncident.id}`, undefined, 200);
      return r.body.status === 'resolved' && r.body;
    }, "the batch's incident to be resolved", 60_000)).toMatchObject({ resolution: 'repaired', lastRepair: { action: 'cancel', outcome: 'applied', reason: 'Sammelintervention hängt' } });
    // Filed under the operator's programmes (the batch's incident has none), so their admins see it.
    const cancelAudit = await as('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'incident.cancel', resourceId: batchIncident.id }))}`, undefined, 200);
    expect(cancelAudit.body.length).toBeGreaterThanOrEqual(1);
    expect(cancelAudit.body[0]).toMatchObject({ resourceType: 'incident', programmeId: P, reason: 'Sammelintervention hängt' });

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
    const audit = await as('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'incident.retry', resourceId: projection.id }))}`, undefined, 200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ resourceType: 'incident', quarterId: quarter.id, reason: 'Akteursdienst wieder erreichbar' });

    // Pause and resume, on the second quarter's projection (failed in the same outage, its own
    // next attempt as far ahead as the first one's was).
    const held = await eventually(async () => {
      const r = await as('GET', `/incidents?filter=${encodeURIComponent(JSON.stringify({ status: 'open', quarterId: second.id, activityType: 'projectProcessState' }))}`);
      return r.status === 200 && r.body[0];
    }, "the second quarter's failing projection to show as an incident", 60_000);
    expect(held).toMatchObject({ kind: 'activity', paused: false });
    const ownNextAttempt = Date.parse(held.nextRetryAt);
    expect(ownNextAttempt).toBeGreaterThan(Date.now() + 10_000);
    // Resume of an activity that is not paused: Temporal would answer success and do nothing.
    const notPaused = await as('POST', '/incidents/actions', { id: held.id, action: 'resume', reason: 'zu früh' });
    expect(notPaused.status).toBe(409);
    expect(notPaused.body.code).toBe('incident.not_paused');
    const paused = await as('POST', '/incidents/actions', { id: held.id, action: 'pause', reason: 'Projektion anhalten' }, 200);
    expect(paused.body).toMatchObject({ action: 'pause', total: 1, applied: 1 });
    const pausedIncident = await eventually(async () => {
      const r = await as('GET', `/incidents/${held.id}`, undefined, 200);
      return r.body.paused === true && r.body;
    }, 'the incident to show the activity paused', 60_000);
    expect(pausedIncident).toMatchObject({ status: 'open', nextRetryAt: null, lastRepair: { action: 'pause', outcome: 'applied', reason: 'Projektion anhalten' } });
    const twice = await as('POST', '/incidents/actions', { id: held.id, action: 'pause', reason: 'nochmals' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('incident.already_paused');
    // Paused, it does not run: well past its own next attempt (which would succeed now, the
    // service is back) the read model is still stale and no attempt was added.
    await new Promise((r) => setTimeout(r, Math.max(0, ownNextAttempt + 20_000 - Date.now())));
    expect((await as('GET', `/quarters/${second.id}`, undefined, 200)).body.paused).toBe(false);
    const stillHeld = (await as('GET', `/incidents/${held.id}`, undefined, 200)).body;
    expect(stillHeld).toMatchObject({ status: 'open', paused: true, attempts: pausedIncident.attempts });
    // Resumed, it runs at once with fresh attempts: the read model catches up.
    const resumed = await as('POST', '/incidents/actions', { id: held.id, action: 'resume', reason: 'Akteursdienst läuft wieder' }, 200);
    expect(resumed.body).toMatchObject({ action: 'resume', total: 1, applied: 1 });
    await eventually(async () => (await as('GET', `/quarters/${second.id}`, undefined, 200)).body.paused === true, 'the read model to catch up after "resume"', 120_000);
    expect(await eventually(async () => {
      const r = await as('GET', `/incidents/${held.id}`, undefined, 200);
      return r.body.status === 'resolved' && r.body;
    }, 'the paused incident to be resolved', 60_000)).toMatchObject({ resolution: 'repaired', lastRepair: { action: 'resume', outcome: 'applied' } });
    // Every action audited with its reason, the refused ones too.
    const entries = async (action: string) =>
      ((await as('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action, resourceId: held.id }))}`, undefined, 200)).body as Array<{ id: number; reason: string; after: { outcome: string } }>).sort((a, b) => a.id - b.id);
    expect((await entries('incident.pause')).map((e) => [e.reason, e.after.outcome])).toEqual([
      ['Projektion anhalten', 'applied'],
      ['nochmals', 'refused'],
    ]);
    expect((await entries('incident.resume')).map((e) => [e.reason, e.after.outcome])).toEqual([
      ['zu früh', 'refused'],
      ['Akteursdienst läuft wieder', 'applied'],
    ]);

    // Nothing left open (the second quarter's other failing activities retried on their own).
    await eventually(async () => (await as('GET', '/incidents/counts', undefined, 200)).body.open === 0, 'no open incident', 5 * 60_000);
  });
});
