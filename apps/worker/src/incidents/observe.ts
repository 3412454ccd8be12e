import { temporal } from '@temporalio/proto';
import { quarterIdFromWorkflowId, type IncidentObservation } from '@genq/contracts';

/** When a failing activity or workflow task counts as an incident. Defaults in {@link DEFAULT_INCIDENT_THRESHOLDS}. */
export interface IncidentThresholds {
  /** An activity that failed this many attempts in a row is an incident... */
  activityAttempts: number;
  /** ...and so is one failing for this long (ms), whatever its attempt count. */
  activityAgeMs: number;
  /** A workflow task that failed this many attempts in a row (a bug, a non-deterministic deploy). */
  workflowTaskAttempts: number;
}

/**
 * With the lifecycle's retry policy (2 s, doubling, at most 5 min between attempts) five
 * failed attempts are about a minute of failing: longer than a service restart, short
 * enough that an operator learns of it within minutes. A workflow task that fails twice is
 * no blip (the SDK retries it at once; a second failure means the code or its history is wrong).
 */
export const DEFAULT_INCIDENT_THRESHOLDS: IncidentThresholds = { activityAttempts: 5, activityAgeMs: 2 * 60_000, workflowTaskAttempts: 2 };

type Describe = temporal.api.workflowservice.v1.IDescribeWorkflowExecutionResponse;
type Failure = temporal.api.failure.v1.IFailure | null | undefined;

export interface WorkflowRef {
  workflowId: string;
  runId: string;
  workflowType: string;
  programmeId: string | null;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
/** A protobuf Timestamp (seconds as a Long or a number) in ms; undefined when unset. */
export function tsMs(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number | undefined {
  if (!ts || ts.seconds == null) return undefined;
  const seconds = Number(String(ts.seconds));
  const ms = seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
  return ms > 0 ? ms : undefined;
}

/** The innermost failure's type and the message a person can act on (the outer one says "activity failed"). */
export function failureSummary(failure: Failure): { errorType: string | null; message: string } {
  let f = failure;
  while (f?.cause) f = f.cause;
  if (!f) return { errorType: null, message: '' };
  const errorType = f.applicationFailureInfo?.type || (f.timeoutFailureInfo ? 'Timeout' : f.canceledFailureInfo ? 'Cancelled' : null);
  return { errorType: errorType ?? null, message: f.message ?? '' };
}

/**
 * Keeps, across scans, since when each failing thing has been failing (the describe answer
 * says the attempt, not since when): the first scan that saw it failing.
 */
export class FailingSince {
  private readonly since = new Map<string, number>();
  private seen = new Set<string>();

  at(key: string, now: number): number {
    this.seen.add(key);
    const s = this.since.get(key);
    if (s !== undefined) return s;
    this.since.set(key, now);
    return now;
  }

  /** Forgets what the last scan did not see failing. */
  endScan(): void {
    for (const key of this.since.keys()) if (!this.seen.has(key)) this.since.delete(key);
    this.seen = new Set();
  }
}

/**
 * The incidents one workflow's describe answer shows: pending activities past the
 * thresholds (attempt count or age), and a workflow task that keeps failing. The message of
 * a failing workflow task comes from its history (`workflowTaskFailure`), since describe
 * does not carry it.
 */
export function observationsOf(
  wf: WorkflowRef,
  describe: Describe,
  now: number,
  thresholds: IncidentThresholds,
  failing: FailingSince,
  workflowTaskFailure?: Failure,
): IncidentObservation[] {
  const out: IncidentObservation[] = [];
  const quarterId = quarterIdFromWorkflowId(wf.workflowId) ?? null;
  const base = { workflowId: wf.workflowId, runId: wf.runId, workflowType: wf.workflowType, quarterId, programmeId: wf.programmeId };
  for (const a of describe.pendingActivities ?? []) {
    const attempt = a.attempt ?? 1;
    if (attempt <= 1 || !a.lastFailure) continue;
    const key = `${wf.workflowId}/${wf.runId}/activity/${a.activityId}`;
    const since = failing.at(key, now);
    if (attempt - 1 < thresholds.activityAttempts && now - since < thresholds.activityAgeMs) continue;
    out.push({
      ...base,
      key,
      kind: 'activity',
      activityId: a.activityId ?? null,
      activityType: a.activityType?.name ?? null,
      attempts: attempt - 1,
      ...failureSummary(a.lastFailure),
      since: new Date(since).toISOString(),
      lastFailureAt: iso(tsMs(a.lastAttemptCompleteTime)),
      nextRetryAt: a.paused ? null : iso(tsMs(a.nextAttemptScheduleTime)),
      paused: Boolean(a.paused),
    });
  }
  const task = describe.pendingWorkflowTask;
  const taskAttempt = task?.attempt ?? 1;
  if (task && taskAttempt > 1) {
    const key = `${wf.workflowId}/${wf.runId}/workflow-task`;
    const since = failing.at(key, tsMs(task.originalScheduledTime) ?? now);
    if (taskAttempt - 1 >= thresholds.workflowTaskAttempts) {
      const summary = failureSummary(workflowTaskFailure);
      out.push({
        ...base,
        key,
        kind: 'workflow_task',
        activityId: null,
        activityType: wf.workflowType,
        attempts: taskAttempt - 1,
        errorType: summary.errorType,
        message: summary.message || 'workflow task failed',
        since: new Date(since).toISOString(),
        lastFailureAt: iso(tsMs(task.startedTime) ?? tsMs(task.scheduledTime)),
        nextRetryAt: null,
        paused: false,
      });
    }
  }
  return out;
}

const { PendingActivityState } = temporal.api.enums.v1;

/**
 * Which pending activities of a workflow "retry now" resets, from its describe answer.
 *
 * - The incident's activity and every other activity of the workflow that is failing and
 *   waits out its backoff: a workflow often has two (the update handler's audit entry and
 *   the main loop's projection), and the one left in backoff keeps the quarter stuck for up
 *   to five minutes after the operator's retry.
 * - Only activities waiting for their next attempt (`SCHEDULED`, or paused: retry resumes
 *   them). One that is running (`STARTED`) is left alone: Temporal (1.29) applies a reset
 *   of a running activity only when that attempt ends, and sets its attempt to 1 at once, so
 *   the running attempt's result, carrying its old attempt number, is refused by the server
 *   ("activity task not found") and the activity waits for its start-to-close timeout
 *   before it runs again: the reset would delay exactly the attempt that is about to succeed.
 */
export function activitiesToReset(describe: Describe, incidentActivityId: string): string[] {
  const ids: string[] = [];
  for (const a of describe.pendingActivities ?? []) {
    if (!a.activityId) continue;
    const running = a.state === PendingActivityState.PENDING_ACTIVITY_STATE_STARTED || a.state === PendingActivityState.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED;
    if (running) continue;
    const failing = (a.attempt ?? 1) > 1 && Boolean(a.lastFailure);
    if (a.activityId === incidentActivityId || (failing && !a.paused)) ids.push(a.activityId);
  }
  return ids;
}

/**
 * The reset activities still waiting to be dispatched: `SCHEDULED` at attempt 1, not paused
 * (the state a reset leaves them in until a worker picks the new attempt up).
 */
export function notYetStarted(describe: Describe, ids: readonly string[]): string[] {
  return (describe.pendingActivities ?? [])
    .filter((a) => a.activityId && ids.includes(a.activityId) && !a.paused && (a.attempt ?? 1) === 1 && a.state === PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED)
    .map((a) => a.activityId!);
}

/**
 * Why a pause or resume of one activity is refused before it is sent, from the workflow's
 * describe answer; null when it can go ahead. Temporal (1.29) answers a pause of an activity
 * that is paused already, and a resume of one that is not paused, with success and changes
 * nothing, so the operator would read "applied" (and the audit log would keep it) for an
 * action that did nothing. An activity no longer pending has finished (or the run moved on):
 * nothing to pause or resume.
 */
export function pauseRefusal(
  describe: Describe,
  activityId: string,
  action: 'pause' | 'resume',
): { code: 'incident.activity_gone' | 'incident.already_paused' | 'incident.not_paused'; reason: string } | null {
  const a = (describe.pendingActivities ?? []).find((p) => p.activityId === activityId);
  if (!a) return { code: 'incident.activity_gone', reason: `activity ${activityId} is no longer pending` };
  if (action === 'pause' && a.paused) return { code: 'incident.already_paused', reason: `activity ${activityId} is paused already` };
  if (action === 'resume' && !a.paused) return { code: 'incident.not_paused', reason: `activity ${activityId} is not paused` };
  return null;
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * The incident of a workflow that ended as failed or timed out (`workflow_closed`), from its
 * close event: what Temporal says (the failure's message, or the timeout), since its close
 * time. Nothing retries a closed workflow, so it stays an incident until an operator resets
 * it (a new run) or it drops out of the scanned window; null for any other close event.
 */
export function closedObservation(wf: WorkflowRef, closeEvent: HistoryEvent | null | undefined, closedAt: number): IncidentObservation | null {
  const { EventType } = temporal.api.enums.v1;
  let summary: { errorType: string | null; message: string };
  if (closeEvent?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED) {
    summary = failureSummary(closeEvent.workflowExecutionFailedEventAttributes?.failure);
    summary = { errorType: summary.errorType ?? 'WorkflowFailed', message: summary.message || 'workflow failed' };
  } else if (closeEvent?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT) {
    summary = { errorType: 'WorkflowTimedOut', message: 'workflow timed out (execution or run timeout)' };
  } else {
    return null;
  }
  return {
    key: `${wf.workflowId}/${wf.runId}/closed`,
    kind: 'workflow_closed',
    workflowId: wf.workflowId,
    runId: wf.runId,
    workflowType: wf.workflowType,
    quarterId: quarterIdFromWorkflowId(wf.workflowId) ?? null,
    programmeId: wf.programmeId,
    activityId: null,
    activityType: wf.workflowType,
    attempts: 1,
    ...summary,
    since: new Date(closedAt).toISOString(),
    lastFailureAt: new Date(closedAt).toISOString(),
    nextRetryAt: null,
    paused: false,
  };
}
