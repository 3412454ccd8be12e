import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  QUARTER_LIFECYCLE_WORKFLOW,
  quarterWorkflowId,
  type DomainEvent,
  type ProgrammeDto,
  type QuarterDto,
  type QuarterLifecycleInput,
  type QuarterRegisteredPayload,
} from '@genq/contracts';
import { ServiceUnavailableError } from '@genq/service-kit';
import { isTransientForBridge, type BridgeLog } from './process-bridge';

/**
 * Registrations whose workflows the starter starts at the same time, unless
 * `WORKER_STARTER_CONCURRENCY` says otherwise. Each start waits on Temporal and on the actors
 * service, so one at a time leaves both idle between starts; eight keep them busy while the rate
 * stays bounded. More do not bring the last workflow's first run sooner: the starts already
 * outrun the workflows' first tasks, and 32 only queued more of them at Temporal on a loaded
 * machine (docs/benchmarks.md). Their order does not matter: one event per quarter, and a start
 * is idempotent.
 */
export const STARTER_CONCURRENCY = 8;

/**
 * The starts' confirmations, sent together: a confirmation waits while one request is on its
 * way, and the next request confirms every start that finished meanwhile (at most `max`). With
 * many starts at once that is one request and one write of the actors service per batch instead
 * of one per quarter; a lone start is confirmed at once. Each caller's promise settles with its
 * batch's request, so an event is acknowledged only once its quarter is confirmed.
 */
export class StartConfirmations {
  private pending: Array<{ id: string; resolve: () => void; reject: (err: unknown) => void }> = [];
  private sending = false;

  constructor(
    private readonly send: (quarterIds: string[]) => Promise<unknown>,
    private readonly max = 100,
  ) {}

  confirm(quarterId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ id: quarterId, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.max);
        try {
          await this.send(batch.map((b) => b.id));
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}

/**
 * A lifecycle workflow's task timeout (Temporal's default is 10 s). A task counts from the moment
 * the worker takes it, and the worker runs its workflow tasks one after another on one thread:
 * with a thousand imported quarters starting, a loaded machine kept tasks waiting inside the
 * worker past 10 s, Temporal timed them out, and each came back as a full replay (measured:
 * docs/benchmarks.md). 30 s leaves room; a worker that dies mid-task is still noticed.
 */
export const LIFECYCLE_WORKFLOW_TASK_TIMEOUT = '30s';

/**
 * Quarters younger than this are left to the `quarter.registered` consumer. Five minutes, not
 * seconds: after a bulk import the consumer works through a thousand registrations for minutes,
 * and a reconciler that took the waiting ones as lost started them a second time, one by one,
 * beside the consumer (seen in the worker's log of the import benchmark).
 */
export const RECONCILE_GRACE_MS = 5 * 60_000;
/** How often the worker looks for quarters whose start was never confirmed. */
export const RECONCILE_EVERY_MS = 60_000;

/** What the starter asks the actors service (over NATS request/reply). */
export interface StarterActors {
  markWorkflowStarted(quarterId: string): Promise<unknown>;
  quartersAwaitingWorkflow(olderThanMs: number): Promise<QuarterDto[]>;
  programme(id: string): Promise<ProgrammeDto>;
}

export interface StarterDeps {
  client: Client;
  taskQueue: string;
  actors: StarterActors;
  log: BridgeLog;
}

/** The lifecycle workflow's input: the registration's facts plus the quarter's id. */
export function lifecycleInput(quarterId: string, registered: QuarterRegisteredPayload): QuarterLifecycleInput {
  return {
    quarterId,
    programmeId: registered.programmeId,
    calendar: registered.calendar,
    startedAt: registered.startedAt,
    quarter: registered.quarter,
    ...(registered.startAt ? { startAt: registered.startAt } : {}),
  };
}

/**
 * Starts a quarter's lifecycle workflow once and confirms the start on the quarter. The
 * workflow id is `quarter-<id>` and a quarter's id never gets a second lifecycle, even
 * after it closed: a start that finds it already started is a success. The confirmation
 * is idempotent too, so a redelivered event or a reconciler pass changes nothing.
 */
export async function startLifecycle(deps: StarterDeps, input: QuarterLifecycleInput): Promise<boolean> {
  let started = true;
  try {
    await deps.client.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
      taskQueue: deps.taskQueue,
      workflowId: quarterWorkflowId(input.quarterId),
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowTaskTimeout: LIFECYCLE_WORKFLOW_TASK_TIMEOUT,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    started = false;
  }
  await deps.actors.markWorkflowStarted(input.quarterId);
  return started;
}

/** The `process-starter` consumer's handler: a registered quarter gets its lifecycle workflow. */
export function processStarter(deps: StarterDeps): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (event.type !== 'quarter.registered') return;
    const started = await startLifecycle(deps, lifecycleInput(event.quarterId, event.payload as QuarterRegisteredPayload));
    deps.log.info(`${started ? 'started' : 'confirmed'} the lifecycle workflow of quarter ${event.quarterId} (${event.id})`);
  };
}

/**
 * Temporal or the actors service unreachable: the registration is fine, the start is
 * retried for as long as it takes. Anything else counts towards the dead letters (and
 * the reconciler still finishes that quarter's start).
 */
export function isTransientForStarter(err: unknown): boolean {
  return err instanceof ServiceUnavailableError || isTransientForBridge(err);
}

/**
 * Finishes the start of every quarter whose start was never confirmed: quarters of data
 * made before `quarter.registered` existed, and any whose event ended in the dead letters.
 * Runs at worker start and every {@link RECONCILE_EVERY_MS}; quarters younger than
 * {@link RECONCILE_GRACE_MS} are left to the consumer. Such a start reads the programme's
 * calendar as it is now (the event carries the one at registration).
 */
export class StartReconciler {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly deps: StarterDeps,
    private readonly everyMs = RECONCILE_EVERY_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.reconcile(), this.everyMs);
    this.timer.unref();
    void this.reconcile();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The number of quarters whose start it finished; failures are logged and retried next time. */
  async reconcile(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let finished = 0;
    try {
      const pending = await this.deps.actors.quartersAwaitingWorkflow(RECONCILE_GRACE_MS);
      const calendars = new Map<string, ProgrammeDto['calendar']>();
      for (const q of pending) {
        if (!calendars.has(q.programmeId)) calendars.set(q.programmeId, (await this.deps.actors.programme(q.programmeId)).calendar);
        await startLifecycle(this.deps, {
          quarterId: q.id,
          programmeId: q.programmeId,
          calendar: calendars.get(q.programmeId)!,
          startedAt: q.startedAt,
          quarter: { name: q.name, land: q.land, municipality: q.municipality, housingCompany: q.housingCompany },
          ...(q.startAt ? { startAt: q.startAt } : {}),
        });
        finished++;
        this.deps.log.info(`finished the unconfirmed workflow start of quarter ${q.id}`);
      }
    } catch (err) {
      this.deps.log.warn(`reconciling workflow starts failed, will retry: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
    }
    return finished;
  }
}
