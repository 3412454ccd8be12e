/**
 * Domain events between the services and the process: their envelope, their names and
 * payloads, and where they travel (NATS JetStream subjects and streams). A service records
 * an event in its outbox in the same transaction as the change that caused it; a relay
 * publishes it; consumers react and drop duplicates by the event id.
 *
 * Payloads carry ids and facts, never documents. A payload that changes shape gets a new
 * `version`; consumers read the versions they know.
 */
import type { AuditRecordCommand } from './audit';
import type { MilestoneDeadline, QuarterLifecycleInput } from './process';

/** The contexts that publish events. */
export type EventSource = 'actors' | 'analysis' | 'agreements' | 'process';

/** Every domain event, as stored in an outbox and as published. */
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Stable, unique id: the JetStream message id and every consumer's idempotency key. */
  id: string;
  type: T;
  /** Version of the payload's shape. */
  version: number;
  source: EventSource;
  /** The quarter the event is about; events are ordered per quarter. */
  quarterId: string;
  /** ISO timestamp of the change that caused it. */
  occurredAt: string;
  payload: DomainEventPayloads[T];
}

/** Which kind of deadline a process fact is about. */
export type DeadlineKind = 'step' | 'report' | 'reaudit' | 'milestone';

/** A deadline of the process, as its facts name it. */
export interface ProcessDeadlineFact {
  key: string;
  name: string;
  kind: DeadlineKind;
  due: string;
  cycle: number;
}

/** The event types and their payloads (version 1 each). */
export interface DomainEventPayloads {
  // ---- agreements: the Zielvereinbarung and the implementation phase ----------------------
  /** The second required signature made a version binding. */
  'agreement.bound': { versionId: string };
  /** The programme office decided on a binding version; with an approval, the measures' milestones. */
  'agreement.reviewed': {
    versionId: string;
    decision: 'approved' | 'sent_back';
    loopTo?: 'goals_workshop' | 'decision_and_signing';
    newDue?: string;
    requiredChanges?: string;
    milestones?: MilestoneDeadline[];
  };
  /** A measure moved to a new status; `revision` counts its status changes. */
  'measure.status_changed': { measureId: string; status: string; revision: number };
  /** The partners reported a measure's milestone reached; `key` is the process's deadline key of it. */
  'milestone.reached': { measureId: string; index: number; key: string };
  /** The partners submitted an annual report (the last year's is the final report). */
  'report.submitted': { reportId: string; year: number };
  /** The programme office returned a submitted report with remarks: it is due again. */
  'report.returned': { reportId: string; year: number };
  'report.accepted': { reportId: string; year: number };
  'amendment.proposed': { amendmentId: string; description: string };
  'amendment.confirmed': { amendmentId: string; party: 'housing_company' | 'municipality' };
  'amendment.accepted': { amendmentId: string; versionId: string };
  'amendment.rejected': { amendmentId: string; reason: string };

  /** The partners recorded the goals workshop (Zielvereinbarungsworkshop) on the drafted goals and measures; again after a concept was sent back. */
  'goals_workshop.recorded': { workshopId: string; date: string; goals: number; measures: number };

  // ---- actors: the quarter, the team, the kick-off and participation ----------------------------
  /**
   * A new quarter is registered (not its idempotent repeat): what its lifecycle workflow
   * starts from, with the programme's calendar as it was at registration. The worker starts
   * the workflow from it and confirms the start on the quarter.
   */
  'quarter.registered': QuarterRegisteredPayload;
  /** The kick-off (Auftakt) is recorded: project leads named on both sides, facilitator assigned, declaration of participation signed. */
  'kickoff.recorded': { date: string };
  /** The Beteiligungsphase is closed with its participation record: events held, proposals collected. */
  'participation.closed': { closedOn: string; events: number; proposals: number };
  /**
   * A participation event or a membership changed what counts into the process indicators:
   * the quarter's events and participants per calendar year, and its network partners now
   * (`asOf`). With the quarter's programme and catalogue version, so the analysis can pin them.
   */
  'participation.figures_changed': {
    programmeId: string;
    catalogueVersionId: string;
    years: Array<{ year: number; events: number; participants: number }>;
    networkPartners: number;
    asOf: string;
  };

  /**
   * The programme office merged a duplicate organisation (`organisationId`, now removed) into
   * `intoId`: records that named the duplicate name the kept one. Not about one quarter (the
   * envelope's `quarterId` is ''); `quarterIds` are the quarters whose members or names changed.
   */
  'organisation.merged': { organisationId: string; intoId: string; programmeId: string; quarterIds: string[] };

  // ---- analysis: the Quartiersanalyse and the strategy workshop ------------------------------
  /** Every criterion is rated and the analysis submitted (Quartiersanalyse done). */
  'analysis.submitted': { analysisId: string };
  /** The strategy workshop recorded its priorities (again, when they change). */
  'analysis.priorities_recorded': { analysisId: string; priorities: string[] };
  /**
   * The ratings changed the Stärken-Schwächen-Profil: the action fields that now have
   * weaknesses (the Handlungskonzept must answer each). `revision` orders the changes.
   */
  'analysis.weak_fields_changed': { analysisId: string; weakActionFields: string[]; revision: number };

  // ---- process: what the quarter's lifecycle workflow decided -----------------------------
  /**
   * The quarter is certified for an implementation cycle, valid until the programme's
   * validity ends; with the cycle's annual reports, each open for filing from `opensAt`.
   */
  'process.certified': { cycle: number; certifiedAt: string; validUntil: string; reports: ReportWindow[] };
  /** The Bilanzierung renewed the certificate: cycle `cycle` starts, with its own reports. */
  'process.cycle_renewed': { cycle: number; certifiedAt: string; validUntil: string; reports: ReportWindow[] };
  /** The Bilanzierung let the certificate expire: the quarter is closed. */
  'process.certificate_expired': { cycle: number; at: string };
  /** The quarter left the programme. */
  'process.withdrawn': { at: string; reason: string };
  /** A deadline the process chases opened (a step activated, a reporting window opened, the Bilanzierung became due, a milestone is tracked); again with a new due date. */
  'process.deadline_opened': ProcessDeadlineFact;
  /** An open deadline passed its due date (its first overdue reminder went out). */
  'process.deadline_overdue': ProcessDeadlineFact;
  /** The quarter is stalled (a deadline long overdue, or no activity), with the reason. */
  'process.stalled': { since: string; reason: string };
  /** Progress cleared the stall that began at `since`. */
  'process.stall_cleared': { since: string; clearedAt: string };

  // ---- every service: the audit log -----------------------------------------------------------
  /**
   * A write changed a record: its audit entry, recorded by the owning service in the same
   * transaction as the change (who, what, why, before and after). The actors service appends
   * it to the audit log. The envelope's `quarterId` is the entry's quarter, or '' for none.
   */
  'audit.recorded': AuditRecordCommand;
}

export type DomainEventType = keyof DomainEventPayloads;

/** The lifecycle workflow's input without the quarter's id (the event's `quarterId`). */
export type QuarterRegisteredPayload = Pick<QuarterLifecycleInput, 'programmeId' | 'calendar' | 'startedAt' | 'startAt'> & {
  quarter: NonNullable<QuarterLifecycleInput['quarter']>;
};

/** When an annual report of a cycle may be filed (its reporting year has ended) and when it is due. */
export interface ReportWindow {
  year: number;
  final: boolean;
  opensAt: string;
  due: string;
}

/** What a service hands to its outbox; the outbox adds id, source and version. */
export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  quarterId: string;
  payload: DomainEventPayloads[T];
  /** A stable id where the fact has one (e.g. derived from the record); a fresh UUID otherwise. */
  id?: string;
  /** When it happened (a Date, or an ISO string where it crossed a process boundary). */
  occurredAt?: Date | string;
  version?: number;
}

/** The JetStream stream that keeps every domain event. */
export const EVENTS_STREAM = 'GENQ_EVENTS';
/** Subjects are `genq.events.<source>.<type>`: consumers filter by source or type. */
export const EVENTS_SUBJECT_PREFIX = 'genq.events';
/** The stream of messages that kept failing in a consumer, for an operator to look at. */
export const DEAD_LETTER_STREAM = 'GENQ_DEAD_LETTERS';
/** Dead letters are `genq.dead.<consumer>`. */
export const DEAD_LETTER_SUBJECT_PREFIX = 'genq.dead';

export function eventSubject(source: EventSource, type: DomainEventType): string {
  return `${EVENTS_SUBJECT_PREFIX}.${source}.${type}`;
}

export function deadLetterSubject(consumer: string): string {
  return `${DEAD_LETTER_SUBJECT_PREFIX}.${consumer}`;
}

/**
 * The durable consumers: who reacts to what. Each name is a JetStream durable consumer on
 * {@link EVENTS_STREAM}; `docs/architecture.md` draws the same table.
 */
export const EVENT_CONSUMERS = {
  /** The worker's bridge: the services' facts become updates of the quarter's workflow. */
  processBridge: {
    durable: 'process-bridge',
    // Only the facts the process follows: with one message in flight, every other event (an
    // audit entry of each write) would queue in front of them for nothing.
    subjects: (
      [
        ['actors', 'kickoff.recorded'],
        ['actors', 'participation.closed'],
        ['analysis', 'analysis.submitted'],
        ['analysis', 'analysis.priorities_recorded'],
        ['agreements', 'goals_workshop.recorded'],
        ['agreements', 'milestone.reached'],
        ['agreements', 'agreement.bound'],
        ['agreements', 'agreement.reviewed'],
        ['agreements', 'measure.status_changed'],
        ['agreements', 'report.submitted'],
        ['agreements', 'report.returned'],
        ['agreements', 'amendment.proposed'],
        ['agreements', 'amendment.confirmed'],
        ['agreements', 'amendment.accepted'],
        ['agreements', 'amendment.rejected'],
      ] as const
    ).map(([source, type]) => eventSubject(source, type)),
  },
  /** The worker starts a newly registered quarter's lifecycle workflow and confirms the start on the quarter. */
  processStarter: { durable: 'process-starter', subjects: [eventSubject('actors', 'quarter.registered')] },
  /** The agreements service follows the process's certification decisions. */
  agreementsCertificates: {
    durable: 'agreements-certificates',
    subjects: (['process.certified', 'process.cycle_renewed', 'process.certificate_expired', 'process.withdrawn'] as const).map((t) => eventSubject('process', t)),
  },
  /** The analysis service counts participation into the process indicators. */
  analysisParticipation: { durable: 'analysis-participation', subjects: [eventSubject('actors', 'participation.figures_changed')] },
  /** The agreements service keeps the weak action fields of the quarter's analysis. */
  agreementsAnalysis: { durable: 'agreements-analysis', subjects: [eventSubject('analysis', 'analysis.weak_fields_changed')] },
  /** The agreements service follows merged organisations: measures name the organisation kept. */
  agreementsOrganisations: { durable: 'agreements-organisations', subjects: [eventSubject('actors', 'organisation.merged')] },
  /** The actors service appends every service's audit entries to the audit log. */
  actorsAudit: { durable: 'actors-audit', subjects: [`${EVENTS_SUBJECT_PREFIX}.*.audit.recorded`] },
} as const;

/** A message that a consumer gave up on, as kept on {@link DEAD_LETTER_STREAM}. */
export interface DeadLetter {
  consumer: string;
  subject: string;
  /** The event as it arrived (or the raw text when it was not a readable event). */
  event: DomainEvent | { raw: string };
  error: string;
  deliveries: number;
  failedAt: string;
}

/** A dead letter as the API lists it (`GET /api/dead-letters`): which fact, which consumer, why. */
export interface DeadLetterDto {
  /** The letter's position in the dead-letter stream. */
  id: string;
  consumer: string;
  subject: string;
  eventId: string | null;
  eventType: string | null;
  quarterId: string | null;
  error: string;
  deliveries: number;
  failedAt: string;
}
