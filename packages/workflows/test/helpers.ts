import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { QUARTER_LIFECYCLE_WORKFLOW, quarterWorkflowId, type AuditRecordCommand, type Intervention, type NotificationRequest, type ProcessActivities, type ProcessEvent, type ProjectProcessStateCommand, type QuarterLifecycleInput } from '@genq/contracts';
import { interveneUpdate, processStateQuery, reportEventUpdate } from '@genq/contracts/temporal';
import type { ProgrammeCalendar } from '@genq/domain';

export const calendar: ProgrammeCalendar = JSON.parse(
  readFileSync(join(__dirname, '../../../apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'),
).defaultCalendar;

export const TASK_QUEUE = 'test-lifecycle';

/** What the workflow sent out through its activities, as the real worker would have. */
export class Recorder implements ProcessActivities {
  readonly projections: ProjectProcessStateCommand[] = [];
  readonly notifications: NotificationRequest[] = [];
  readonly audits: Array<AuditRecordCommand & { key: string }> = [];

  // Own properties, not prototype methods: the worker registers an object's own functions.
  projectProcessState = async (cmd: ProjectProcessStateCommand): Promise<void> => {
    this.projections.push(cmd);
  };

  sendNotification = async (n: NotificationRequest): Promise<{ status: string }> => {
    // The real outbox stores each idempotency key once; keep every call to prove no key repeats.
    this.notifications.push(n);
    return { status: 'not_mailed' };
  };

  recordAudit = async (entry: AuditRecordCommand & { key: string }): Promise<void> => {
    // The real log appends each key once; keep every call to prove a key is not sent twice.
    this.audits.push(entry);
  };

  notificationsOf(quarterId: string): NotificationRequest[] {
    return this.notifications.filter((n) => n.quarterId === quarterId);
  }
}

export async function startWorker(env: TestWorkflowEnvironment, activities: object): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('../src'),
    activities,
  });
}

export function lifecycleInput(quarterId: string, extra: Partial<QuarterLifecycleInput> = {}, now = Date.now()): QuarterLifecycleInput {
  return {
    quarterId,
    programmeId: 'genq-nrw-2026',
    calendar,
    startedAt: new Date(now).toISOString(),
    quarter: { name: `Quartier ${quarterId}`, land: 'Nordrhein-Westfalen', municipality: 'Dortmund', housingCompany: 'DOGEWO21' },
    ...extra,
  };
}

/** A quarter's workflow with the calls a test makes on it. */
export async function startQuarter(env: TestWorkflowEnvironment, quarterId: string, extra: Partial<QuarterLifecycleInput> = {}) {
  // The time-skipping server has no operator API to register custom search attributes.
  // The schedule starts at the server's clock, which time skipping has moved ahead.
  const input = lifecycleInput(quarterId, { searchAttributes: false, ...extra }, await env.currentTimeMs());
  const handle = await env.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
    taskQueue: TASK_QUEUE,
    workflowId: quarterWorkflowId(quarterId),
    args: [input],
  });
  let n = 0;
  const wf = () => env.client.workflow.getHandle(quarterWorkflowId(quarterId));
  return {
    handle,
    input,
    /**
     * Waits until the workflow has continued as new after a phase change, before the next
     * query: the time-skipping server can strand a query sent to a run that just closed.
     */
    async newRun(previousRunId: string): Promise<string> {
      for (;;) {
        const { runId, status } = await wf().describe();
        if (runId !== previousRunId && status.name === 'RUNNING') return runId;
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    runId: async () => (await wf().describe()).runId,
    state: () => env.client.workflow.getHandle(quarterWorkflowId(quarterId)).query(processStateQuery),
    event: (e: ProcessEvent, eventId = `${quarterId}-ev-${++n}`) =>
      env.client.workflow.getHandle(quarterWorkflowId(quarterId)).executeUpdate(reportEventUpdate, { args: [{ ...e, eventId, quarterId }] }),
    intervene: (iv: Omit<Intervention, 'operator'> & { operator?: Intervention['operator'] }) =>
      env.client.workflow
        .getHandle(quarterWorkflowId(quarterId))
        .executeUpdate(interveneUpdate, { args: [{ operator: { id: 'op-1', name: 'Olga Operator' }, ...iv } as Intervention] }),
  };
}

/** Completes the seven development steps as the services would report them. */
export const DEVELOPMENT_EVENTS: ProcessEvent[] = [
  { type: 'kickoff_recorded' },
  { type: 'analysis_submitted' },
  { type: 'workshop_recorded', workshop: 'strategy_workshop' },
  { type: 'participation_recorded' },
  { type: 'workshop_recorded', workshop: 'goals_workshop' },
  { type: 'agreement_signed' },
];

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** Activities finish a moment after the timer that started them: retry an assertion briefly. */
export async function eventually(assertion: () => void, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

