#!/usr/bin/env node
'use strict';
/**
 * Records the event histories that the replay test keeps replaying, so a change to the
 * workflow code that would break quarters already running fails the build.
 *
 * Run after a deliberate, patched() change to add new histories (old ones stay):
 *   npm run build && npm run record-histories -w @genq/workflows
 *
 * Uses a real Temporal dev server and a programme calendar measured in seconds, so the
 * recorded runs contain reminders, escalation, interventions and continue-as-new.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Client, Connection } = require('@temporalio/client');
const { Worker, DefaultLogger, Runtime } = require('@temporalio/worker');
const { startTemporalDevServer, ensureTemporalBinary, run } = require('@genq/infra');
const c = require('@genq/contracts');

const OUT = path.join(__dirname, '..', 'test', 'histories');
const TQ = 'record-histories';

const calendar = {
  developmentPhase: {
    steps: [
      ['kickoff', 'Auftakt', 'PT4S'],
      ['analysis', 'Quartiersanalyse', 'PT8S'],
      ['strategy_workshop', 'Strategieworkshop', 'PT10S'],
      ['participation', 'Beteiligungsphase', 'PT12S'],
      ['goals_workshop', 'Zielvereinbarungsworkshop', 'PT14S'],
      ['decision_and_signing', 'Abstimmung und Beschluss', 'PT16S'],
      ['review_and_certification', 'Prüfung und Zertifizierung', 'PT18S'],
    ].map(([key, name, dueAfter]) => ({ key, name, dueAfter })),
  },
  implementationPhase: { duration: 'PT30S', annualReportEvery: 'PT10S', reportDueWithin: 'PT4S' },
  reminders: { before: 'PT2S', overdueEvery: 'PT2S', escalateAfterOverdue: 'PT5S', stalledAfterInactivity: 'PT20S' },
  certificateValidity: 'PT30S',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const bin = await ensureTemporalBinary();
  const server = await startTemporalDevServer({ bin });
  const connection = await Connection.connect({ address: server.address });
  const searchAttributes = c.missingSearchAttributes([]);
  await connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes });
  const client = new Client({ connection });
  const activities = {
    projectProcessState: async () => {},
    sendNotification: async () => ({ status: 'not_mailed' }),
    recordAudit: async () => {},
    applyIntervention: async ({ quarterId, intervention }) => {
      try {
        const r = await client.workflow.getHandle(c.quarterWorkflowId(quarterId)).executeUpdate(c.interveneUpdate, { args: [intervention] });
        return { quarterId, outcome: 'applied', summary: r.summary };
      } catch (e) {
        return { quarterId, outcome: 'refused', reason: e.cause?.message ?? e.message };
      }
    },
  };
  const worker = await Worker.create({ connection: await require('@temporalio/worker').NativeConnection.connect({ address: server.address }), taskQueue: TQ, workflowsPath: require.resolve('..'), activities });
  const operator = { id: 'op', name: 'Recorder' };
  // As the gateway sends them (since the workflow records the audit entries): who asked, which request.
  const audit = { actor: { userId: 'op', email: 'recorder@genq.example', role: 'operator' }, requestId: 'req-recorded', programmeId: 'record', quarterId: null };
  const recorded = [];

  await worker.runUntil(async () => {
    const start = async (id, extra = {}) => {
      const input = {
        quarterId: id,
        programmeId: 'record',
        calendar,
        startedAt: new Date().toISOString(),
        quarter: { name: id, land: 'Niedersachsen', municipality: 'Hannover', housingCompany: 'hanova' },
        ...extra,
      };
      return client.workflow.start(c.QUARTER_LIFECYCLE_WORKFLOW, { taskQueue: TQ, workflowId: c.quarterWorkflowId(id), args: [input] });
    };
    const ev = (id, e, n) =>
      client.workflow.getHandle(c.quarterWorkflowId(id)).executeUpdate(c.reportEventUpdate, { args: [{ ...e, quarterId: id, eventId: `${id}-${n}`, audit }] });
    const iv = (id, i) => client.workflow.getHandle(c.quarterWorkflowId(id)).executeUpdate(c.interveneUpdate, { args: [{ operator, audit, ...i }] });

    // 1. Development: steps, reminders, escalation, interventions, certification (continue-as-new).
    await start('dev');
    await sleep(9000); // kickoff reminders, overdue, escalation, stalled
    await iv('dev', { kind: 'extend_deadline', key: 'kickoff', by: 'PT30S', reason: 'recorded extension' });
    await ev('dev', { type: 'kickoff_recorded' }, 1);
    await iv('dev', { kind: 'pause', reason: 'recorded pause' });
    await sleep(1500);
    await iv('dev', { kind: 'resume', reason: 'recorded resume' });
    await iv('dev', { kind: 'reassign', key: 'analysis', responsible: { name: 'R', email: 'r@example.org' }, reason: 'recorded reassign' });
    await iv('dev', { kind: 'remind_now', reason: 'recorded reminder' });
    await iv('dev', { kind: 'waive_step', key: 'analysis', reason: 'recorded waive' }).catch(() => {});
    for (const [n, e] of [
      { type: 'workshop_recorded', workshop: 'strategy_workshop' },
      { type: 'participation_recorded' },
      { type: 'workshop_recorded', workshop: 'goals_workshop' },
      { type: 'agreement_signed' },
      { type: 'review_decided', decision: 'sent_back', loopTo: 'decision_and_signing', newDue: 'PT20S' },
      { type: 'agreement_signed' },
      { type: 'review_decided', decision: 'approved' },
    ].entries()) {
      await ev('dev', e, n + 2);
    }
    recorded.push('dev');

    // 2. Implementation: reports, amendment, Bilanzierung, renewal.
    await start('impl', { startAt: { phase: 'implementation' } });
    await ev('impl', { type: 'amendment_proposed', amendmentId: 'a', description: 'recorded' }, 1);
    await ev('impl', { type: 'amendment_confirmed', amendmentId: 'a', party: 'housing_company' }, 2);
    await ev('impl', { type: 'amendment_confirmed', amendmentId: 'a', party: 'municipality' }, 3);
    await ev('impl', { type: 'amendment_accepted', amendmentId: 'a' }, 4);
    await ev('impl', { type: 'measure_status_changed', measureId: 'm1', status: 'umgesetzt' }, 5);
    recorded.push('impl');

    // 3. Withdrawal.
    await start('withdrawn', { startAt: { phase: 'development', stepKey: 'participation' } });
    await iv('withdrawn', { kind: 'withdraw', reason: 'recorded withdrawal' });
    await client.workflow.getHandle(c.quarterWorkflowId('withdrawn')).result();
    recorded.push('withdrawn');

    // 4. A batch over two quarters, one refusing.
    await start('b1');
    await start('b2');
    await iv('b2', { kind: 'pause', reason: 'already paused' });
    const batch = await client.workflow.start(c.BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: TQ,
      workflowId: c.batchWorkflowId('recorded'),
      args: [
        {
          batchId: 'recorded',
          quarterIds: ['b1', 'b2'],
          intervention: { operator, kind: 'pause', reason: 'recorded batch' },
          audit: { ...audit, quarterIdsByProgramme: { record: ['b1', 'b2'] } },
          filter: {},
          requestedAt: new Date().toISOString(),
        },
      ],
    });
    await batch.result();
  });

  fs.mkdirSync(OUT, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  const dump = async (workflowId, runId, name) => {
    const r = await run(bin, ['workflow', 'show', '--workflow-id', workflowId, '--run-id', runId, '--address', server.address, '--output', 'json']);
    if (r.code !== 0) throw new Error(r.stderr);
    const file = path.join(OUT, `${name}.${stamp}.json`);
    fs.writeFileSync(file, r.stdout);
    console.log(`recorded ${path.relative(process.cwd(), file)}`);
  };
  for (const id of recorded) {
    let i = 0;
    for await (const w of client.workflow.list({ query: `WorkflowId = '${c.quarterWorkflowId(id)}'` })) {
      await dump(w.workflowId, w.runId, `quarterLifecycleWorkflow.${id}.run${++i}`);
    }
  }
  const b = await client.workflow.getHandle(c.batchWorkflowId('recorded')).describe();
  await dump(b.workflowId, b.runId, 'batchInterventionWorkflow.recorded');
  await connection.close();
  await server.stop();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
