import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ensureTemporalBinary } from '@genq/infra';
import {
  QUARTER_LIFECYCLE_WORKFLOW,
  deliverableReportedSignal,
  processStateQuery,
  quarterWorkflowId,
  type ProcessActivities,
  type ProjectProcessStateCommand,
  type QuarterLifecycleInput,
} from '@genq/contracts';

const calendar = JSON.parse(
  readFileSync(join(__dirname, '../../../apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'),
).defaultCalendar;

/** Runs against a real Temporal dev server (the same binary `npm start` uses). */
describe('quarter lifecycle workflow', () => {
  let env: TestWorkflowEnvironment;
  const projected: ProjectProcessStateCommand[] = [];
  const activities: ProcessActivities = {
    async projectProcessState(cmd) {
      projected.push(cmd);
    },
  };

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const path = await ensureTemporalBinary({ log: () => {} });
    env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path } } });
  }, 20 * 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'test-lifecycle',
      workflowsPath: require.resolve('../src'),
      activities,
    });
    return worker.runUntil(fn);
  }

  const input = (quarterId: string, extra: Partial<QuarterLifecycleInput> = {}): QuarterLifecycleInput => ({
    quarterId,
    programmeId: 'genq-nrw-2026',
    calendar,
    startedAt: '2027-01-15T00:00:00.000Z',
    ...extra,
  });

  it('starts at the kick-off with every deadline from the programme calendar and projects it', async () => {
    await withWorker(async () => {
      const handle = await env.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
        taskQueue: 'test-lifecycle',
        workflowId: quarterWorkflowId('q-start'),
        args: [input('q-start')],
      });
      const state = await handle.query(processStateQuery);
      expect(state.phase).toBe('development');
      expect(state.currentStep).toBe('kickoff');
      expect(state.steps.map((s) => [s.key, s.status, s.due.slice(0, 10)])).toEqual([
        ['kickoff', 'active', '2027-02-15'],
        ['analysis', 'pending', '2027-04-15'],
        ['strategy_workshop', 'pending', '2027-05-15'],
        ['participation', 'pending', '2027-09-15'],
        ['goals_workshop', 'pending', '2027-10-15'],
        ['decision_and_signing', 'pending', '2027-12-15'],
        ['review_and_certification', 'pending', '2028-01-15'],
      ]);
      await waitFor(() => projected.some((p) => p.quarterId === 'q-start' && p.currentStep === 'kickoff'));
    });
  });

  it('completes a step only on its own deliverable, once per event', async () => {
    await withWorker(async () => {
      const handle = await env.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
        taskQueue: 'test-lifecycle',
        workflowId: quarterWorkflowId('q-steps'),
        args: [input('q-steps')],
      });
      await handle.signal(deliverableReportedSignal, { eventId: 'e-wrong', stepKey: 'analysis' });
      expect((await handle.query(processStateQuery)).currentStep).toBe('kickoff');
      await handle.signal(deliverableReportedSignal, { eventId: 'e1', stepKey: 'kickoff', at: '2027-02-01T10:00:00.000Z' });
      await handle.signal(deliverableReportedSignal, { eventId: 'e1', stepKey: 'kickoff' });
      const state = await handle.query(processStateQuery);
      expect(state.currentStep).toBe('analysis');
      expect(state.steps[0]).toMatchObject({ status: 'completed', completedAt: '2027-02-01T10:00:00.000Z' });
      await waitFor(() => projected.some((p) => p.quarterId === 'q-steps' && p.currentStep === 'analysis'));
    });
  });

  it('starts a quarter that joins mid-process at its step, earlier steps done', async () => {
    await withWorker(async () => {
      const handle = await env.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
        taskQueue: 'test-lifecycle',
        workflowId: quarterWorkflowId('q-mid'),
        args: [input('q-mid', { startAt: { phase: 'development', stepKey: 'participation' } })],
      });
      const state = await handle.query(processStateQuery);
      expect(state.currentStep).toBe('participation');
      expect(state.steps.filter((s) => s.status === 'completed').map((s) => s.key)).toEqual([
        'kickoff',
        'analysis',
        'strategy_workshop',
      ]);
      const impl = await env.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
        taskQueue: 'test-lifecycle',
        workflowId: quarterWorkflowId('q-impl'),
        args: [input('q-impl', { startAt: { phase: 'implementation' } })],
      });
      expect(await impl.query(processStateQuery)).toMatchObject({ phase: 'implementation', currentStep: null });
    });
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
