import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@genq/contracts/temporal';
import type { IncidentDto, IncidentObservation, IncidentScanReport, IncidentScanResult, NotificationRequest } from '@genq/contracts';
import { closedObservation, FailingSince, observationsOf, type IncidentThresholds, type WorkflowRef } from './observe';

export interface IncidentScannerConfig {
  /** Time between the starts of two scans (ms). */
  everyMs: number;
  thresholds: IncidentThresholds;
  /** An incident open this long (ms) is put into the notification outbox for the operators. */
  notifyAfterMs: number;
  /** Workflows described at once. */
  concurrency: number;
  /** Workflows that ended as failed or timed out this recently (ms) are incidents (`workflow_closed`); 0 turns it off. */
  closedWithinMs: number;
}

export const DEFAULT_SCAN_EVERY_MS = 20_000;
/**
 * A scan describes every open workflow, so its cost grows with the number of quarters. The
 * next scan starts `everyMs` after the last one started, but never sooner than this many times
 * the last scan's duration after it ended: the scanner keeps Temporal busy at most about 1/20
 * of the time (at 10,000 open workflows a scan of ~20 s is followed by ~7 minutes' rest).
 */
export const SCAN_REST_FACTOR = 20;

/** When the next scan starts, after one that began at `startedAt` and took `tookMs`. */
export function nextScanDelay(everyMs: number, tookMs: number): number {
  return Math.max(everyMs - tookMs, tookMs * SCAN_REST_FACTOR, 0);
}
export const DEFAULT_NOTIFY_AFTER_MS = 30 * 60_000;
/** A failed or timed-out workflow stays on the list this long unless reset (a week: past a long weekend). */
export const DEFAULT_CLOSED_WITHIN_MS = 7 * 24 * 60 * 60_000;

export interface IncidentScannerDeps {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** The actors service: takes the scan, answers the incidents to tell the operators about. */
  report(report: IncidentScanReport): Promise<IncidentScanResult>;
  /** Puts a notice into the outbox (and mails it when SMTP is configured), then marks the incident notified. */
  notify(incident: IncidentDto): Promise<void>;
  log: { info(m: string): void; warn(m: string): void };
}

const { EventType } = temporal.api.enums.v1;

/**
 * Finds technical incidents in every open workflow of the process task queue (lifecycles,
 * batches, repairs) and reports each complete scan to the actors service, which owns the
 * incident list. A loop in the worker process rather than a scheduled workflow: the scan
 * only reads Temporal and sends one message, keeps nothing that must survive a crash (the
 * next scan sees the same), and must keep working when workflows themselves are the ones
 * failing; a scan workflow would be one more workflow that can get stuck, and would replay
 * its describe results into history every few seconds.
 */
export class IncidentScanner {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = true;
  private readonly failing = new FailingSince();

  constructor(
    private readonly deps: IncidentScannerDeps,
    private readonly config: IncidentScannerConfig,
  ) {}

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    const startedAt = Date.now();
    // The rest follows the time Temporal spent on the scan, not the report's wait on a service
    // that is down: otherwise a scan slowed by the actors service's absence would postpone the
    // next one (which finds what the absence left behind) by twenty times its timeout.
    let scanMs: number | undefined;
    try {
      const report = await this.scan();
      scanMs = Date.now() - startedAt;
      const result = await this.deps.report(report);
      if (result.opened || result.resolved) {
        this.deps.log.info(`incident scan: ${report.workflows} workflows, ${result.opened} incidents opened, ${result.resolved} resolved`);
      }
      for (const incident of result.notify) await this.deps.notify(incident);
    } catch (err) {
      // The actors service down is itself what the next scan finds; the report goes with it.
      this.deps.log.warn(`incident scan failed, will retry: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
      if (!this.stopped) {
        this.timer = setTimeout(() => void this.tick(), nextScanDelay(this.config.everyMs, scanMs ?? Date.now() - startedAt));
        this.timer.unref();
      }
    }
  }

  /** One complete scan: every open workflow described, in lanes of `concurrency`. */
  async scan(now = Date.now()): Promise<IncidentScanReport> {
    const refs: WorkflowRef[] = [];
    const query = `TaskQueue = "${this.deps.taskQueue}" AND ExecutionStatus = "Running"`;
    for await (const wf of this.deps.client.workflow.list({ query })) {
      const programme = wf.typedSearchAttributes.get(SEARCH_ATTRIBUTES.programme);
      refs.push({ workflowId: wf.workflowId, runId: wf.runId, workflowType: wf.type, programmeId: programme ?? null });
    }
    const observations: IncidentObservation[] = [];
    const queue = [...refs];
    const lane = async () => {
      for (let wf = queue.shift(); wf; wf = queue.shift()) observations.push(...(await this.observe(wf, now)));
    };
    await Promise.all(Array.from({ length: Math.max(1, this.config.concurrency) }, lane));
    this.failing.endScan();
    observations.push(...(await this.closedWorkflows(now)));
    return { scannedAt: new Date(now).toISOString(), workflows: refs.length, observations, notifyAfterMs: this.config.notifyAfterMs };
  }

  private async observe(wf: WorkflowRef, now: number): Promise<IncidentObservation[]> {
    const { namespace } = this.deps;
    const execution = { workflowId: wf.workflowId, runId: wf.runId };
    let describe: temporal.api.workflowservice.v1.IDescribeWorkflowExecutionResponse;
    try {
      describe = await this.deps.client.workflowService.describeWorkflowExecution({ namespace, execution });
    } catch (err) {
      // Closed or gone between the list and the describe: nothing to report.
      if ((err as { code?: number }).code === 5) return [];
      throw err;
    }
    const taskAttempt = describe.pendingWorkflowTask?.attempt ?? 1;
    const failure = taskAttempt > 1 ? await this.lastWorkflowTaskFailure(execution) : undefined;
    return observationsOf(wf, describe, now, this.config.thresholds, this.failing, failure);
  }

  /**
   * Workflows of the task queue that ended as failed or timed out within `closedWithinMs`
   * (visibility), each only while it is the newest run of its id: a reset (or a new start)
   * runs on, and the failed run is history.
   */
  private async closedWorkflows(now: number): Promise<IncidentObservation[]> {
    if (!(this.config.closedWithinMs > 0)) return [];
    const { client, namespace, taskQueue } = this.deps;
    const after = new Date(now - this.config.closedWithinMs).toISOString();
    const query = `TaskQueue = "${taskQueue}" AND (ExecutionStatus = "Failed" OR ExecutionStatus = "TimedOut") AND CloseTime > "${after}"`;
    const out: IncidentObservation[] = [];
    for await (const wf of client.workflow.list({ query })) {
      const ref: WorkflowRef = { workflowId: wf.workflowId, runId: wf.runId, workflowType: wf.type, programmeId: wf.typedSearchAttributes.get(SEARCH_ATTRIBUTES.programme) ?? null };
      try {
        const latest = await client.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId: ref.workflowId } });
        if (latest.workflowExecutionInfo?.execution?.runId !== ref.runId) continue;
        const history = await client.workflowService.getWorkflowExecutionHistoryReverse({ namespace, execution: { workflowId: ref.workflowId, runId: ref.runId }, maximumPageSize: 1 });
        const observation = closedObservation(ref, history.history?.events?.[0], wf.closeTime?.getTime() ?? now);
        if (observation) out.push(observation);
      } catch (err) {
        // Deleted by retention between the list and the describe: nothing to report.
        if ((err as { code?: number }).code === 5) continue;
        throw err;
      }
    }
    return out;
  }

  /** The newest WorkflowTaskFailed event's failure (the server records the first of a run of failed attempts). */
  private async lastWorkflowTaskFailure(execution: { workflowId: string; runId: string }) {
    const history = await this.deps.client.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: this.deps.namespace,
      execution,
      maximumPageSize: 50,
    });
    const failed = history.history?.events?.find((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    return failed?.workflowTaskFailedEventAttributes?.failure ?? undefined;
  }
}

/** The outbox entry of an incident open longer than the threshold, for the programme office. */
export function incidentNotice(incident: IncidentDto, recipientEmail: string | null): NotificationRequest {
  const what =
    incident.kind === 'activity'
      ? `activity ${incident.activityType}`
      : incident.kind === 'workflow_closed'
        ? `workflow ${incident.workflowType} ended (failed or timed out)`
        : `workflow task of ${incident.workflowType}`;
  return {
    idempotencyKey: `incident:${incident.id}`,
    quarterId: incident.quarterId ?? '',
    kind: 'incident',
    deadlineKey: null,
    occurrence: 1,
    recipientName: recipientEmail ? 'Programme office' : null,
    recipientEmail,
    subject: `Störung seit ${incident.since.slice(0, 16).replace('T', ' ')} UTC: ${what} (${incident.workflowId})`,
    body: [
      `Eine technische Störung ist seit ${incident.since} offen (${incident.attempts} fehlgeschlagene Versuche).`,
      `Workflow: ${incident.workflowId} (${incident.workflowType})`,
      `Was fehlschlägt: ${what}`,
      `Fehler: ${incident.errorType ?? ''} ${incident.message}`,
      '',
      'Bitte in der Konsole unter „Störungen“ prüfen und reparieren (erneut versuchen, pausieren, zurücksetzen).',
    ].join('\n'),
  };
}
