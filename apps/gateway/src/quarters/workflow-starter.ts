import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  ActorsPatterns,
  QUARTER_LIFECYCLE_WORKFLOW,
  quarterWorkflowId,
  type ProgrammeDto,
  type QuarterDto,
  type QuarterLifecycleInput,
} from '@genq/contracts';
import type { GatewayConfig } from '../config';
import { ServiceClients } from '../services/service-clients';
import { GATEWAY_CONFIG, TEMPORAL_CLIENT } from '../tokens';

/** Quarters younger than this are left to the request that is creating them. */
const RECONCILE_GRACE_MS = 10_000;

/**
 * Starts a quarter's lifecycle workflow exactly once. The quarter is stored first, then
 * the workflow is started under the id `quarter-<id>` (a duplicate start is a no-op), then
 * the start is confirmed on the quarter. If the gateway dies between the two writes, the
 * reconciler finds the unconfirmed quarter and finishes the start: never a quarter
 * without a workflow, never two runs.
 */
@Injectable()
export class WorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowStarter.name);
  private timer?: NodeJS.Timeout;
  private reconciling = false;

  constructor(
    private readonly services: ServiceClients,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async ensureStarted(quarter: QuarterDto): Promise<void> {
    if (quarter.workflowStartedAt) return;
    const programme = await this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, quarter.programmeId);
    const input: QuarterLifecycleInput = {
      quarterId: quarter.id,
      programmeId: quarter.programmeId,
      calendar: programme.calendar,
      startedAt: quarter.startedAt,
      quarter: { name: quarter.name, land: quarter.land, municipality: quarter.municipality, housingCompany: quarter.housingCompany },
      ...(quarter.startAt ? { startAt: quarter.startAt } : {}),
    };
    try {
      await this.temporal.workflow.start(QUARTER_LIFECYCLE_WORKFLOW, {
        taskQueue: this.config.taskQueue,
        workflowId: quarterWorkflowId(quarter.id),
        args: [input],
        // A quarter's id is never reused for a second lifecycle, even after it closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    await this.services.send('actors', ActorsPatterns.markWorkflowStarted, quarter.id);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), this.config.reconcileEveryMs);
    this.timer.unref();
    void this.reconcile();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Finishes the start of every quarter whose workflow start was never confirmed. */
  async reconcile(): Promise<number> {
    if (this.reconciling) return 0;
    this.reconciling = true;
    let started = 0;
    try {
      const pending = await this.services.send<QuarterDto[]>('actors', ActorsPatterns.quartersAwaitingWorkflow, RECONCILE_GRACE_MS);
      for (const q of pending) {
        await this.ensureStarted(q);
        started++;
        this.logger.log(`started the missing workflow of quarter ${q.id}`);
      }
    } catch (err) {
      this.logger.warn(`reconciling workflow starts failed, will retry: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.reconciling = false;
    }
    return started;
  }
}
