/**
 * Technical incidents ("Störungen", issue 18): a workflow that stops making progress for a
 * technical reason (an activity failing again and again, a workflow task that fails). The
 * worker's incident scanner finds them with Temporal's describe API and reports what it sees;
 * the actors service owns the incident list (open, updated, resolved) beside the quarters'
 * read model. Pure data: importable from services, workflows and the console.
 */
import type { AuditActor, AuditContext } from './audit';

/**
 * What fails: an activity that keeps failing, the workflow's own task (a bug, a
 * non-deterministic deploy), or a workflow that ended as failed or timed out (`workflow_closed`:
 * it runs no more, so nothing retries it).
 */
export const INCIDENT_KINDS = ['activity', 'workflow_task', 'workflow_closed'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['open', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** How an incident ended: it cleared by itself, or after a repair action by an operator. */
export const INCIDENT_RESOLUTIONS = ['cleared', 'repaired'] as const;
export type IncidentResolution = (typeof INCIDENT_RESOLUTIONS)[number];

/** The repair actions (POST /api/incidents/actions). */
export const INCIDENT_ACTIONS = ['retry', 'pause', 'resume', 'reset', 'cancel'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** One incident as the scanner sees it in one scan. */
export interface IncidentObservation {
  /** Stable identity across scans: `<workflowId>/<runId>/activity/<activityId>`, `<workflowId>/<runId>/workflow-task` or `<workflowId>/<runId>/closed`. */
  key: string;
  kind: IncidentKind;
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The quarter of a lifecycle workflow; null for workflows of no one quarter (batches). */
  quarterId: string | null;
  programmeId: string | null;
  activityId: string | null;
  /** Activity type, or the workflow type for a workflow task or a closed workflow. */
  activityType: string | null;
  attempts: number;
  errorType: string | null;
  message: string;
  /** Since when it fails, as far as the scanner knows (first failing scan, or the first failure Temporal reports). */
  since: string;
  lastFailureAt: string | null;
  nextRetryAt: string | null;
  /** The activity is paused by an operator (it does not retry until resumed). */
  paused: boolean;
}

/** The scanner's report of one complete scan (`actors.incidents.report`). */
export interface IncidentScanReport {
  scannedAt: string;
  /** Open workflows the scan looked at. */
  workflows: number;
  observations: IncidentObservation[];
  /** Open incidents older than this (ms) are returned for a notice to the operators. */
  notifyAfterMs: number;
}

export interface IncidentRepairNote {
  action: IncidentAction;
  at: string;
  byUserId: string;
  byEmail: string | null;
  reason: string;
  outcome: 'applied' | 'refused';
  reasonCode: string | null;
}

/** `actors.incidents.record-repair`: one incident's repair outcome and its audit entry, once per key. */
export interface IncidentRepairRecord {
  incidentId: string;
  note: IncidentRepairNote;
  actor: AuditActor;
  requestId: string | null;
  key: string;
  /**
   * The programmes the operator acts for (the request's audit context): the entry of an
   * incident of no programme (a batch) is filed under each, so their admins see it. Absent in
   * repairs started before it was passed.
   */
  programmeIds?: string[];
}

export interface IncidentDto extends IncidentObservation {
  id: string;
  status: IncidentStatus;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolution: IncidentResolution | null;
  /** Who repaired it (resolution `repaired`). */
  resolvedBy: string | null;
  lastRepair: IncidentRepairNote | null;
  notifiedAt: string | null;
}

/** The answer to a scan report: incidents open long enough to tell the operators about. */
export interface IncidentScanResult {
  opened: number;
  updated: number;
  resolved: number;
  notify: IncidentDto[];
}

/** Open incidents for the dashboard tile and the list's header. */
export interface IncidentCounts {
  open: number;
  byKind: Record<IncidentKind, number>;
  /** Open longer than the notice threshold (already told to the operators). */
  notified: number;
}

/** One repair action over one incident or the open incidents a filter matches. */
export interface IncidentRepairInput {
  repairId: string;
  action: IncidentAction;
  reason: string;
  incidents: Array<Pick<IncidentDto, 'id' | 'key' | 'kind' | 'workflowId' | 'runId' | 'workflowType' | 'activityId' | 'quarterId' | 'programmeId'>>;
  actor: AuditActor;
  audit?: AuditContext | null;
}

export interface IncidentRepairItem {
  incidentId: string;
  outcome: 'applied' | 'refused' | 'failed';
  /** Problem code of a refusal (catalogue `incident.*`), with its parameters. */
  reasonCode: string | null;
  reasonParams: Record<string, string | number>;
  reason: string | null;
}

export interface IncidentRepairResult {
  repairId: string;
  action: IncidentAction;
  total: number;
  applied: number;
  refused: number;
  failed: number;
  results: IncidentRepairItem[];
}

/** A workflow reset's preview: the events from the reset point on are discarded and the workflow replays up to it. */
export interface IncidentResetPreview {
  incidentId: string;
  workflowId: string;
  runId: string;
  /** The last WorkflowTaskCompleted before the first failure; the reset goes there. */
  resetToEventId: number | null;
  /** Events kept and replayed by the fixed code. */
  replayed: number;
  /** Events after the reset point that are discarded (signals and updates are re-applied by the server). */
  discarded: Array<{ eventId: number; type: string; at: string | null }>;
  possible: boolean;
  reasonCode: string | null;
}

/** The actors service's patterns for incidents. */
export const IncidentsPatterns = {
  report: 'actors.incidents.report',
  markNotified: 'actors.incidents.mark-notified',
  list: 'actors.incidents.list',
  get: 'actors.incidents.get',
  counts: 'actors.incidents.counts',
  /** The open incidents a filter matches, for a batch repair (scoped to the caller). */
  matching: 'actors.incidents.matching',
  recordRepair: 'actors.incidents.record-repair',
} as const;

/** Workflow type of a repair over one or many incidents. */
export const INCIDENT_REPAIR_WORKFLOW = 'incidentRepairWorkflow';
export function incidentRepairWorkflowId(repairId: string): string {
  return `incident-repair-${repairId}`;
}

/** One incident of a repair, as the repair workflow passes it to its activity. */
export type IncidentRef = IncidentRepairInput['incidents'][number];

/** Activities of the repair workflow (the worker calls Temporal's API and the actors service). */
export interface IncidentActivities {
  /** Applies one repair action to one incident's workflow; a refusal is a result, not an error. */
  repairIncident(args: { incident: IncidentRef; action: IncidentAction; reason: string; identity: string; requestId: string }): Promise<IncidentRepairItem>;
  /** Notes the outcome on the incident and appends its audit entry (once per key). */
  recordIncidentRepair(cmd: IncidentRepairRecord): Promise<void>;
}

/** One history event as the reset preview needs it (`type` is the event type's name, e.g. `WORKFLOW_TASK_COMPLETED`). */
export interface HistoryEventLine {
  eventId: number;
  type: string;
  at: string | null;
  /**
   * For a completed or failed workflow task: the build of the worker that ran it (the SDK's
   * build id, which carries a hash of the workflow bundle). Not part of the preview's answer.
   */
  build?: string | null;
  /** For a failed workflow task: why, as the server names it (e.g. `NON_DETERMINISTIC_ERROR`). */
  cause?: string | null;
}

type TaskAttributes = { workerVersion?: { buildId?: string | null } | null; binaryChecksum?: string | null } | null;

/**
 * What the reset preview needs of a completed or failed workflow task's history event: the
 * build that ran it (the TypeScript SDK records it on completed tasks only) and, for a failed
 * one, the cause (`NON_DETERMINISTIC_ERROR`, ...; `cause` is the enum's number, as the API
 * returns it, and `causes` its names).
 */
export function workflowTaskFacts(
  event: { workflowTaskCompletedEventAttributes?: TaskAttributes; workflowTaskFailedEventAttributes?: (TaskAttributes & { cause?: number | null }) | null },
  causes: Record<number, string | undefined>,
): Pick<HistoryEventLine, 'build' | 'cause'> {
  const a = event.workflowTaskCompletedEventAttributes ?? event.workflowTaskFailedEventAttributes;
  if (!a) return {};
  const cause = event.workflowTaskFailedEventAttributes?.cause;
  return {
    build: a.workerVersion?.buildId || a.binaryChecksum || null,
    ...(cause != null ? { cause: (causes[cause] ?? String(cause)).replace(/^WORKFLOW_TASK_FAILED_CAUSE_/, '') } : {}),
  };
}

/**
 * Where a workflow reset goes and what it discards. Normally the last WorkflowTaskCompleted
 * event (the last workflow task the code finished). After a bad deploy the tasks the bad build
 * completed are themselves the trouble: when the latest failed workflow task could not replay
 * the history (non-deterministic) or ran on another build than the one that completed the last
 * tasks, the fixed code cannot replay what that build decided, so the reset goes back to the
 * first of that build's trailing tasks, and its commands are discarded with it. The new run replays the events up to the reset point; the
 * ones after it are discarded, except signals and updates, which the server re-applies.
 */
export function resetPreviewOf(incident: { id: string; workflowId: string; runId: string }, events: HistoryEventLine[]): IncidentResetPreview {
  const completed = events.flatMap((e, i) => (e.type === 'WORKFLOW_TASK_COMPLETED' ? [i] : []));
  let index = completed.length ? completed[completed.length - 1]! : -1;
  const tailBuild = index >= 0 ? events[index]!.build : undefined;
  const failed = events.slice(index + 1).reverse().find((e) => e.type === 'WORKFLOW_TASK_FAILED');
  const replayFailed = failed?.cause === 'NON_DETERMINISTIC_ERROR' || Boolean(failed?.build && failed.build !== tailBuild);
  if (tailBuild && replayFailed) {
    for (let k = completed.length - 1; k >= 0 && events[completed[k]!]!.build === tailBuild; k--) index = completed[k]!;
  }
  return {
    incidentId: incident.id,
    workflowId: incident.workflowId,
    runId: incident.runId,
    resetToEventId: index >= 0 ? events[index]!.eventId : null,
    replayed: index + 1,
    discarded: index >= 0 ? events.slice(index + 1).map(({ eventId, type, at }) => ({ eventId, type, at })) : [],
    possible: index >= 0,
    reasonCode: index >= 0 ? null : 'incident.reset_no_good_task',
  };
}
