import { join } from 'node:path';
import { run } from '@genq/infra';
import { adminWithProgramme, createQuarter, eventually, startTestStack, type TestStack } from './support/api';

/**
 * Issue 18: a bad deploy. A worker with a deliberately non-deterministic lifecycle
 * (support/bad-deploy-workflows.ts, through WORKER_WORKFLOWS_PATH) replaces the good one:
 * a quarter started before it cannot be replayed by it (a workflow-task incident, which clears
 * by itself once the fix is deployed), and a quarter started under it gets a history the fixed
 * code cannot replay: once the fix is back, that one is a workflow-task incident that only a
 * reset repairs. The reset's preview goes back before every task the bad build completed; the
 * reset brings the quarter back to a good state with its deadlines and the reminder sent
 * under the bad build.
 */
jest.setTimeout(10 * 60_000);

const BAD_DEPLOY = { WORKER_WORKFLOWS_PATH: join(__dirname, 'support', 'bad-deploy-workflows.ts') };

describe('incidents: a non-deterministic deploy found and reset', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-incidents-reset';
  const as = (method: string, path: string, body?: unknown, expected?: number) => env.apiAs(admin)(method, path, body, expected);
  const open = async (quarterId: string) => {
    const r = await as('GET', `/incidents?filter=${encodeURIComponent(JSON.stringify({ status: 'open', quarterId }))}`, undefined, 200);
    return r.body as Array<{ id: string; kind: string; workflowId: string; runId: string; attempts: number; message: string }>;
  };
  /** A signal no handler takes: only makes the workflow run a task (and so replay it on a fresh worker). */
  const nudge = async (quarterId: string) => {
    const { stack } = env;
    const r = await run(stack.temporalBin, ['workflow', 'signal', '--address', stack.temporalAddress, '--workflow-id', `quarter-${quarterId}`, '--name', 'e2eNudge'], { timeoutMs: 30_000 });
    expect(r.code).toBe(0);
  };

  beforeAll(async () => {
    env = await startTestStack('incidents-reset', {
      env: { INCIDENT_SCAN_EVERY_MS: '1000', INCIDENT_WORKFLOW_TASK_ATTEMPTS: '1', INCIDENT_NOTIFY_AFTER_MS: '600000' },
    });
    admin = await adminWithProgramme(env, P, 'GenQ Fehlerhaftes Deployment');
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('lists workflow-task failures as incidents and resets the quarter the bad build ran, keeping its reminders', async () => {
    const { stack } = env;
    const before = await createQuarter(env.apiAs(admin), { name: 'Celle-Neuenhäusen', municipality: 'Celle', land: 'Niedersachsen', housingCompany: 'WBG Celle', programmeId: P });

    // The bad deploy.
    await stack.replaceWorker(BAD_DEPLOY);
    const during = await createQuarter(env.apiAs(admin), { name: 'Lüneburg-Kaltenmoor', municipality: 'Lüneburg', land: 'Niedersachsen', housingCompany: 'LüWoBau', programmeId: P });
    // A reminder sent under the bad build: it must survive the reset.
    const reminded = await as('POST', `/quarters/${during.id}/interventions`, { kind: 'remind_now', reason: 'Erinnerung vor dem Zurücksetzen' });
    expect(reminded.status).toBe(200);
    const remindedState = await eventually(async () => {
      const q = (await as('GET', `/quarters/${during.id}`, undefined, 200)).body;
      return q.process?.steps?.some((s: { reminders: Array<{ kind: string }> }) => s.reminders.some((r) => r.kind === 'manual')) && q;
    }, 'the manual reminder in the process state', 60_000);
    const manualBefore = remindedState.process.steps.flatMap((s: { key: string; reminders: Array<{ kind: string }> }) => s.reminders.filter((r) => r.kind === 'manual').map((r) => ({ step: s.key, ...r })));
    const dueBefore = remindedState.process.steps.map((s: { key: string; due: string }) => [s.key, s.due]);

    // The quarter started before the deploy cannot be replayed by the bad build.
    await nudge(before.id);
    const [beforeIncident] = await eventually(async () => {
      const list = await open(before.id);
      return list.length > 0 && list;
    }, 'the workflow-task incident of the quarter started before the deploy', 60_000);
    expect(beforeIncident).toMatchObject({ kind: 'workflow_task', workflowId: `quarter-${before.id}` });
    expect(beforeIncident!.message).not.toBe('');
    console.log(`workflow-task incident: ${beforeIncident!.message.slice(0, 200)}`);
    expect((await as('GET', '/incidents/counts', undefined, 200)).body.byKind.workflow_task).toBeGreaterThanOrEqual(1);

    // The fix is deployed: the first quarter's task now succeeds, its incident clears by itself ...
    await stack.replaceWorker();
    const cleared = await eventually(async () => {
      const r = await as('GET', `/incidents/${beforeIncident!.id}`, undefined, 200);
      return r.body.status === 'resolved' && r.body;
    }, 'the first incident to clear by itself', 90_000);
    expect(cleared.resolution).toBe('cleared');

    // ... but the quarter the bad build ran has a history the fixed code cannot replay.
    await nudge(during.id);
    const [incident] = await eventually(async () => {
      const list = await open(during.id);
      return list.length > 0 && list;
    }, 'the workflow-task incident of the quarter started under the bad build', 60_000);
    expect(incident).toMatchObject({ kind: 'workflow_task', workflowId: `quarter-${during.id}` });

    // A retry is refused for a workflow task; the preview goes back before the bad build's
    // first task, discarding its extra timer.
    const refused = await as('POST', '/incidents/actions', { id: incident!.id, action: 'retry', reason: 'falsche Aktion' });
    expect(refused.status).toBe(409);
    const preview = (await as('GET', `/incidents/${incident!.id}/reset-preview`, undefined, 200)).body;
    expect(preview).toMatchObject({ possible: true, resetToEventId: 4, replayed: 4 });
    expect(preview.discarded.map((e: { type: string }) => e.type)).toContain('TIMER_STARTED');

    const reset = await as('POST', '/incidents/actions', { id: incident!.id, action: 'reset', reason: 'Fehlerhaftes Deployment zurückgenommen' }, 200);
    expect(reset.body.applied).toBe(reset.body.total);
    const resolved = await eventually(async () => {
      const r = await as('GET', `/incidents/${incident!.id}`, undefined, 200);
      return r.body.status === 'resolved' && r.body;
    }, 'the reset incident to be resolved', 90_000);
    expect(resolved).toMatchObject({ resolution: 'repaired', lastRepair: { action: 'reset', outcome: 'applied' } });

    // A good state: the new run answers under the fixed code, with the same deadlines and the
    // reminder sent before (the update re-applied by the server), and takes new work.
    const after = await eventually(async () => {
      const q = (await as('GET', `/quarters/${during.id}`, undefined, 200)).body;
      return q.process && q;
    }, 'the reset quarter to answer', 60_000);
    expect(after.process.steps.map((s: { key: string; due: string }) => [s.key, s.due])).toEqual(dueBefore);
    const manualAfter = after.process.steps.flatMap((s: { key: string; reminders: Array<{ kind: string }> }) => s.reminders.filter((r) => r.kind === 'manual').map((r) => ({ step: s.key, ...r })));
    expect(manualAfter.map((r: { step: string; kind: string }) => [r.step, r.kind])).toEqual(manualBefore.map((r: { step: string; kind: string }) => [r.step, r.kind]));
    const paused = await as('POST', `/quarters/${during.id}/interventions`, { kind: 'pause', reason: 'nach dem Zurücksetzen' });
    expect(paused.status).toBe(200);
    await eventually(async () => (await as('GET', `/quarters/${during.id}`, undefined, 200)).body.paused === true, 'the read model to follow the reset quarter', 60_000);
    expect(await open(during.id)).toEqual([]);
  });
});
