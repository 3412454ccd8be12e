import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { ensureTemporalBinary, run } from '@genq/infra';
import { BATCH_INTERVENTION_WORKFLOW, batchWorkflowId, type BatchItemResult } from '@genq/contracts';
import { SEARCH_ATTRIBUTES, batchProgressQuery, missingSearchAttributes } from '@genq/contracts/temporal';
import { Recorder, TASK_QUEUE, eventually, startQuarter, startWorker } from './helpers';

/**
 * On a real Temporal dev server (the binary `npm start` runs): the search attributes that
 * let operators find quarters with Temporal's own tools, and the read-model projection.
 */
describe('quarter lifecycle on a real Temporal server', () => {
  let env: TestWorkflowEnvironment;
  let bin: string;
  let worker: Worker;
  let running: Promise<void>;
  const recorder = new Recorder();
  /** The batch's per-quarter step as the worker runs it, here only counting how many run at once. */
  const batchItems = { running: 0, most: 0, started: [] as string[] };
  /** A quarter whose step does not finish until released (a hanging update). */
  let releaseHanging: () => void = () => {};
  const hanging = new Promise<void>((r) => (releaseHanging = r));
  const applyIntervention = async ({ quarterId }: { quarterId: string }): Promise<BatchItemResult> => {
    batchItems.started.push(quarterId);
    if (quarterId.startsWith('hang-')) await hanging;
    batchItems.most = Math.max(batchItems.most, ++batchItems.running);
    await new Promise((r) => setTimeout(r, 150));
    batchItems.running--;
    return quarterId.endsWith('3') ? { quarterId, outcome: 'refused', reason: 'paused', reasonCode: 'quarter.no_process', reasonParams: { quarterId } } : { quarterId, outcome: 'applied', summary: 'ok' };
  };
  /** A page of a batch as the worker applies it: every quarter at once; a page holding `pagefail-` fails as a whole. */
  const batchPages: string[][] = [];
  const applyInterventions = async ({ quarterIds }: { quarterIds: string[] }): Promise<BatchItemResult[]> => {
    batchPages.push(quarterIds);
    const results = await Promise.all(quarterIds.map((quarterId) => applyIntervention({ quarterId })));
    if (quarterIds.some((q) => q.startsWith('pagefail-'))) throw new Error('the audit log is away');
    return results;
  };

  /** A quarter's next projection waits for this promise (the actors service away), once. */
  const held = new Map<string, Promise<void>>();
  const holding = new Set<string>();

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    bin = await ensureTemporalBinary({ log: () => {} });
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: bin }, searchAttributes: Object.values(SEARCH_ATTRIBUTES) },
    });
    const projectProcessState = async (cmd: Parameters<Recorder['projectProcessState']>[0]) => {
      const hold = held.get(cmd.quarterId);
      if (hold) {
        held.delete(cmd.quarterId);
        holding.add(cmd.quarterId);
        await hold;
      }
      await recorder.projectProcessState(cmd);
    };
    worker = await startWorker(env, { ...recorder, projectProcessState, applyIntervention, applyInterventions });
    running = worker.run();
  }, 20 * 60_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it("records the audit entry of an intervention and of a reported event it applied, with the request's context, once each", async () => {
    const q = await startQuarter(env, 'audited');
    const audit = { actor: { userId: 'u-1', email: 'olga@genq.example', role: 'operator' as const }, requestId: 'req-iv', programmeId: 'genq-nrw-2026', quarterId: 'audited' };
    const result = await q.intervene({ kind: 'extend_deadline', key: 'kickoff', by: 'P14D', reason: 'Ratswahl', audit });
    const outcome = await q.event({ type: 'kickoff_recorded', audit: { ...audit, requestId: 'req-ev' } } as never, 'audited-kickoff');
    const duplicate = await q.event({ type: 'kickoff_recorded', audit: { ...audit, requestId: 'req-ev-2' } } as never, 'audited-kickoff');
    // Without an audit context (the process bridge, a batch's item): the entry is recorded where the update starts.
    await q.intervene({ kind: 'pause', reason: 'Abstimmung' });
    await q.event({ type: 'analysis_submitted' });
    const mine = recorder.audits.filter((e) => e.quarterId === 'audited');
    expect(mine).toEqual([
      {
        actor: audit.actor,
        action: 'intervention.extend_deadline',
        resourceType: 'quarter',
        resourceId: 'audited',
        programmeId: 'genq-nrw-2026',
        quarterId: 'audited',
        reason: 'Ratswahl',
        before: result.before,
        after: result.after,
        requestId: 'req-iv',
        key: expect.stringMatching(/^quarter-audited:intervention:/),
      },
      expect.objectContaining({ action: 'process.kickoff_recorded', reason: null, before: null, after: { event: { type: 'kickoff_recorded', eventId: 'audited-kickoff' }, outcome }, requestId: 'req-ev' }),
      expect.objectContaining({ action: 'process.kickoff_recorded', reason: 'duplicate event', after: { event: { type: 'kickoff_recorded', eventId: 'audited-kickoff' }, outcome: duplicate }, requestId: 'req-ev-2' }),
    ]);
    expect(new Set(mine.map((e) => e.key)).size).toBe(3);
  });

  it('projects an intervention applied while the previous projection was still pending (an actors outage)', async () => {
    let release!: () => void;
    held.set('held-projection', new Promise<void>((r) => (release = r)));
    const q = await startQuarter(env, 'held-projection');
    await eventually(() => expect(holding.has('held-projection')).toBe(true), 30_000);
    await q.intervene({ kind: 'pause', reason: 'Abstimmung' });
    release();
    // The first projection goes through, then the pause: without it the read model stays unpaused until the next change.
    await eventually(() => expect(recorder.projections.filter((p) => p.quarterId === 'held-projection').map((p) => p.paused)).toEqual([false, true]), 30_000);
  });

  it('records a batch in the audit log once per programme it touches, before it starts', async () => {
    const audit = { actor: { userId: 'u-1', email: 'olga@genq.example', role: 'operator' as const }, requestId: 'req-batch', programmeId: null, quarterId: null };
    const handle = await env.client.workflow.start(BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: batchWorkflowId('audited-batch'),
      // No quarters to work on: this is about the batch's own entries.
      args: [{ batchId: 'audited-batch', quarterIds: [], intervention: { operator: { id: 'u-1', name: 'Olga' }, kind: 'pause', reason: 'Sommerpause' }, audit: { ...audit, quarterIdsByProgramme: { p1: ['a', 'b'], p2: ['c'] } }, filter: { land: 'Niedersachsen' }, requestedAt: new Date().toISOString() }],
    });
    await handle.result();
    expect(recorder.audits.filter((e) => e.resourceType === 'intervention_batch')).toEqual([
      { actor: audit.actor, action: 'intervention.batch.pause', resourceType: 'intervention_batch', resourceId: 'audited-batch', programmeId: 'p1', quarterId: null, reason: 'Sommerpause', before: null, after: { filter: { land: 'Niedersachsen' }, quarterIds: ['a', 'b'] }, requestId: 'req-batch', key: 'batch-audited-batch:batch:p1' },
      expect.objectContaining({ programmeId: 'p2', after: { filter: { land: 'Niedersachsen' }, quarterIds: ['c'] }, key: 'batch-audited-batch:batch:p2' }),
    ]);
  });

  it('works on as many quarters at once as the input says and answers a progress query with one page of results', async () => {
    const quarterIds = Array.from({ length: 24 }, (_, i) => `bq-${i}`);
    const handle = await env.client.workflow.start(BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: batchWorkflowId('parallel-batch'),
      args: [{ batchId: 'parallel-batch', quarterIds, parallelism: 6, intervention: { operator: { id: 'u-1', name: 'Olga' }, kind: 'pause', reason: 'Sommerpause' }, filter: {}, requestedAt: new Date().toISOString() }],
    });
    const done = await handle.result();
    expect(batchItems.most).toBe(6);
    // One activity per page of six (the parallelism), not one per quarter.
    expect(batchPages.filter((p) => p[0]?.startsWith('bq-')).map((p) => p.length)).toEqual([6, 6, 6, 6]);
    expect(done).toMatchObject({ total: 24, done: 24, applied: 21, refused: 3, failed: 0, finished: true });
    expect(done.results).toHaveLength(24);
    const page = await handle.query(batchProgressQuery, { start: 20, end: 29 });
    expect(page).toMatchObject({ total: 24, done: 24, applied: 21, refused: 3, resultsStart: 20 });
    expect(page.results).toEqual(done.results.slice(20));
    expect((await handle.query(batchProgressQuery)).results).toHaveLength(24);
  });

  it('takes a page that keeps failing quarter by quarter, so each quarter has its own result', async () => {
    const quarterIds = ['pq-1', 'pagefail-2', 'pq-3', 'pq-4'];
    const handle = await env.client.workflow.start(BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: batchWorkflowId('page-fallback-batch'),
      args: [{ batchId: 'page-fallback-batch', quarterIds, parallelism: 2, intervention: { operator: { id: 'u-1', name: 'Olga' }, kind: 'pause', reason: 'Sommerpause' }, filter: {}, requestedAt: new Date().toISOString() }],
    });
    const done = await handle.result();
    // The failing page was tried five times (the activity's retries), then its two quarters alone.
    expect(batchPages.filter((p) => p.includes('pagefail-2'))).toHaveLength(5);
    expect(done).toMatchObject({ total: 4, done: 4, applied: 3, refused: 1, failed: 0, finished: true });
    expect(done.results.map((r) => r.quarterId).sort()).toEqual([...quarterIds].sort());
  }, 120_000);

  it('ends as cancelled when cancelled while working on a quarter (before the patch it completed, the rest recorded as failed)', async () => {
    const handle = await env.client.workflow.start(BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: batchWorkflowId('cancelled-batch'),
      args: [{ batchId: 'cancelled-batch', quarterIds: ['hang-1', 'cq-2', 'cq-3'], parallelism: 1, intervention: { operator: { id: 'u-1', name: 'Olga' }, kind: 'pause', reason: 'Sommerpause' }, filter: {}, requestedAt: new Date().toISOString() }],
    });
    try {
      await eventually(() => expect(batchItems.started).toContain('hang-1'), 30_000);
      await handle.cancel();
      const ended = await handle.result().then(
        () => null,
        (err: unknown) => err,
      );
      expect(ended).toBeInstanceOf(WorkflowFailedError);
      expect((ended as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      expect((await handle.describe()).status.name).toBe('CANCELLED');
    } finally {
      // The worker's shutdown waits for its activities.
      releaseHanging();
    }
  });

  it('registers every search attribute the workflow upserts', async () => {
    const existing = await env.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    expect(missingSearchAttributes(Object.keys(existing.customAttributes ?? {}))).toEqual({});
  });

  it('keeps phase, step, stalled and next due findable with `temporal workflow list --query`', async () => {
    const q = await startQuarter(env, 'findable', {
      searchAttributes: true,
      quarter: { name: 'Findbar', land: 'Niedersachsen', municipality: 'Celle', housingCompany: 'WBG Celle' },
      // Joined late and long overdue: escalates, so it is stalled at once.
      startedAt: new Date(Date.now() - 200 * 86_400_000).toISOString(),
      startAt: { phase: 'development', stepKey: 'analysis' },
    });
    await eventually(() => expect(recorder.projections.some((p) => p.quarterId === 'findable' && p.stalled)).toBe(true), 10_000);
    const list = async (query: string) => {
      const r = await run(bin, ['workflow', 'list', '--address', env.address, '--query', query, '--output', 'json']);
      if (r.code !== 0) throw new Error(r.stderr);
      return (JSON.parse(r.stdout || '[]') as Array<{ execution: { workflowId: string } }>).map((w) => w.execution.workflowId);
    };
    // Visibility is eventually consistent: ask until the upsert has been indexed.
    const query = `GenqStalled = true AND GenqStep = 'analysis' AND GenqLand = 'Niedersachsen' AND GenqMunicipality = 'Celle'`;
    let found = await list(query);
    for (const until = Date.now() + 15_000; !found.includes('quarter-findable') && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 300));
      found = await list(query);
    }
    expect(found).toEqual(['quarter-findable']);
    const state = await q.state();
    expect(state.stalled?.reason).toBe('Frist „Quartiersanalyse“ seit 30 Tagen überschritten');
    expect(recorder.notificationsOf('findable').map((n) => n.kind)).toEqual(['escalation', 'overdue']);
  });
});
