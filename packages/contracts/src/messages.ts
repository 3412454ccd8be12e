/**
 * Microservice message patterns and the DTO types that cross process boundaries.
 * The gateway and the worker send these; each service handles its own.
 */
import type { Phase, ProgrammeCalendar } from '@genq/domain';
import type { StartPosition } from './process';
import type { QuarterBoundary } from './actors';
import type { MembershipRole } from './auth';
import type { NewDomainEvent } from './events';
import type { FieldProblemInput, ProblemParams } from './problems';

/** Client injection tokens of the services, used by the gateway and the worker. */
export const ACTORS_SERVICE = 'ACTORS_SERVICE';
export const ANALYSIS_SERVICE = 'ANALYSIS_SERVICE';
export const AGREEMENTS_SERVICE = 'AGREEMENTS_SERVICE';

export const ActorsPatterns = {
  health: 'actors.health',
  createQuarter: 'actors.quarters.create',
  getQuarter: 'actors.quarters.get',
  listQuarters: 'actors.quarters.list',
  quartersAwaitingWorkflow: 'actors.quarters.awaiting-workflow',
  markWorkflowStarted: 'actors.quarters.workflow-started',
  projectProcessState: 'actors.quarters.project-process-state',
  enqueueNotification: 'actors.notifications.enqueue',
  markNotificationSent: 'actors.notifications.mark-sent',
  listNotifications: 'actors.notifications.list',
  getProgramme: 'actors.programmes.get',
  listProgrammes: 'actors.programmes.list',
  upsertProgramme: 'actors.programmes.upsert',
  // issue 16: bulk admission of quarters (shapes in ./quarter-import)
  importQuarters: 'actors.quarters.import',
  quarterImportTemplate: 'actors.quarters.import-template',
} as const;

export const AnalysisPatterns = {
  health: 'analysis.health',
  getCatalogue: 'analysis.catalogue.get',
  listCatalogues: 'analysis.catalogues.list',
  createCatalogue: 'analysis.catalogues.create',
  // issue 4: the quarter analysis (shapes in ./analysis)
  ensureAnalysis: 'analysis.analyses.ensure',
  getAnalysis: 'analysis.analyses.get',
  submitAnalysis: 'analysis.analyses.submit',
  recordPriorities: 'analysis.analyses.record-priorities',
  listIndicatorValues: 'analysis.indicators.list',
  upsertIndicatorValues: 'analysis.indicators.upsert',
  importIndicatorValues: 'analysis.indicators.import',
  indicatorTemplate: 'analysis.indicators.template',
  importIndicatorWorkbook: 'analysis.indicators.import-xlsx',
  indicatorWorkbookTemplate: 'analysis.indicators.template-xlsx',
  listRatings: 'analysis.ratings.list',
  upsertRatings: 'analysis.ratings.upsert',
  profile: 'analysis.profile',
  programmeDistribution: 'analysis.programme.distribution',
} as const;


export const AgreementsPatterns = {
  health: 'agreements.health',
} as const;

/** Every service answers its health pattern with this. */
export interface ServiceHealth {
  service: string;
  database: { type: string; up: boolean; error?: string };
  /**
   * The service's event outbox: whether its relay is connected to NATS, and the events not
   * published yet (since when the oldest waits). Absent where the service has no outbox.
   */
  events?: { connected: boolean; unpublished: number; oldestUnpublishedAt: string | null };
}

/**
 * The shape every service error takes on the wire. The gateway turns it back into the
 * HTTP status it names and renders `code` with `params` in the request's language
 * (./problems), so a validation error inside a service reaches the caller as 400.
 */
export interface RpcErrorPayload {
  status: number;
  /** English, for logs (and the text of a legacy refusal that has no code yet). */
  message: string;
  /** The problem code (./problems); absent only on refusals not yet given one. */
  code?: string;
  params?: ProblemParams;
  /** Every field problem at once. */
  errors?: FieldProblemInput[];
}

export function isRpcErrorPayload(v: unknown): v is RpcErrorPayload {
  return typeof v === 'object' && v !== null && typeof (v as RpcErrorPayload).status === 'number' && typeof (v as RpcErrorPayload).message === 'string';
}

/** react-admin simple-REST list query: filter, sort and a zero-based inclusive range. */
export interface ListQuery {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  range?: { start: number; end: number };
}

export interface Page<T> {
  data: T[];
  total: number;
}

export const LAENDER = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
] as const;
export type Land = (typeof LAENDER)[number];

export interface CreateQuarterCommand {
  name: string;
  municipality: string;
  kreis?: string;
  land: string;
  housingCompany: string;
  programmeId: string;
  startedAt?: string;
  startAt?: StartPosition;
}

export interface QuarterDto {
  id: string;
  name: string;
  municipality: string;
  /** The organisation (a municipality of the programme) registered under `municipality`; null while none is. */
  municipalityId: string | null;
  kreis: string | null;
  land: string;
  housingCompany: string;
  /** The organisation (a housing company of the programme) registered under `housingCompany`; null while none is. */
  housingCompanyId: string | null;
  programmeId: string;
  /** When the lifecycle workflow was confirmed started; null while it is being started. */
  workflowStartedAt: string | null;
  /** Read model of the process, projected by the worker. */
  phase: Phase | null;
  currentStep: string | null;
  stalled: boolean;
  stalledReason: string | null;
  stalledSince: string | null;
  paused: boolean;
  nextDueAt: string | null;
  overdueSince: string | null;
  processVersion: number;
  /** Schedule origin of the development phase. */
  startedAt: string;
  startAt: StartPosition | null;
  createdAt: string;
  /** Size figures and boundary (issue 4); absent from older producers. */
  flats?: number | null;
  residents?: number | null;
  areaHa?: number | null;
  boundary?: QuarterBoundary | null;
}

export interface CreateQuarterResult {
  quarter: QuarterDto;
  /** False when an identical quarter already existed (idempotent repeat). */
  created: boolean;
}

/** The slice of process state the read model keeps for cross-quarter views. */
export interface ProjectProcessStateCommand {
  quarterId: string;
  phase: Phase;
  currentStep: string | null;
  version: number;
  stalled?: boolean;
  stalledReason?: string | null;
  stalledSince?: string | null;
  paused?: boolean;
  /** Earliest open deadline. */
  nextDue?: string | null;
  /** Since when the earliest open deadline is overdue, if it is. */
  overdueSince?: string | null;
  /**
   * What the process decided that other services follow (certified, renewed, expired,
   * withdrawn). The actors service records them in its outbox in the projection's
   * transaction, once per id, and its relay publishes them as the process's events.
   */
  facts?: NewDomainEvent[];
}

export const NOTIFICATION_KINDS = ['before_due', 'on_due', 'overdue', 'escalation', 'stalled', 'manual'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A reminder or escalation leaving the process; lands in the outbox, and in a mailbox when SMTP is configured. */
export interface NotificationRequest {
  /** workflow id, deadline, kind and occurrence: retries and replays never send twice. */
  idempotencyKey: string;
  quarterId: string;
  /** A process's reminder or escalation, or the notice of a technical incident (issue 18). */
  kind: NotificationKind | 'incident';
  deadlineKey: string | null;
  occurrence: number;
  /** Null when nobody with an address is named yet; the entry still lands in the outbox. */
  recipientName: string | null;
  recipientEmail: string | null;
  /**
   * Set when the process names nobody for the reminder: the membership role of the quarter's
   * organisation it goes to (`lead_partner`, the Projektleitung). The actors service then makes
   * the person that membership names the recipient, with their e-mail; with no person named,
   * the reminder keeps the role's name and no address. Not stored.
   */
  recipientRole?: MembershipRole;
  subject: string;
  body: string;
}

export interface NotificationDto extends Omit<NotificationRequest, 'recipientRole'> {
  id: string;
  status: 'pending' | 'sent' | 'not_mailed';
  createdAt: string;
  sentAt: string | null;
}

export interface ProgrammeDto {
  id: string;
  name: string;
  catalogueId: string;
  catalogueVersion: string;
  calendar: ProgrammeCalendar;
}
