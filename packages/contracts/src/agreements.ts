/**
 * Goals, measures, the Handlungskonzept and the Zielvereinbarung (issue 5): the message
 * patterns of the agreements service and the shapes that cross the wire.
 */
import type { Actor } from './auth';

export const ACTION_FIELDS = ['HF1', 'HF2', 'HF3', 'HF4'] as const;
export type ActionFieldId = (typeof ACTION_FIELDS)[number];

/**
 * Target groups and measure statuses of the default catalogue (genq-default 1.0.0). A
 * programme's own catalogue may differ; until concepts pin a catalogue version these lists
 * are what the service accepts.
 */
export const DEFAULT_TARGET_GROUPS = [
  'Säuglinge und Kleinkinder',
  'Kinder',
  'Jugendliche',
  'Auszubildende und Studierende',
  'Berufstätige',
  'Familien',
  'Alleinerziehende',
  'Alleinstehende',
  'Menschen mit Beeinträchtigungen',
  'Seniorinnen und Senioren',
  'Hochbetagte',
] as const;
export const DEFAULT_MEASURE_STATUSES = ['geplant', 'in Umsetzung', 'umgesetzt', 'verzögert', 'ersetzt', 'entfallen'] as const;

/** Statuses that only an amendment of the Zielvereinbarung may set (replacing or dropping a measure). */
export const AMENDMENT_STATUSES = ['ersetzt', 'entfallen'] as const;

export const MEASURE_KINDS = ['unmittelbar', 'mittelbar'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const FUNDING_SOURCES = ['company', 'municipality', 'state_programme', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const AGREEMENT_STATUSES = ['submitted', 'binding', 'approved', 'sent_back', 'superseded'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const SIGNATORY_ROLES = ['housing_company', 'municipality', 'partner'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

/** The implementation phase the schedule of every measure must lie in. */
export const IMPLEMENTATION_YEARS = 3;
/** A certificate is valid this many years from issue. */
export const CERTIFICATE_VALID_YEARS = 3;

export interface GoalDto {
  id: string;
  quarterId: string;
  actionFieldId: ActionFieldId;
  title: string;
  /** Criteria or weaknesses of the analysis the goal answers. */
  criterionIds: string[];
  indicator: string;
  baseline: string | null;
  targetValue: string;
  targetDate: string;
  targetGroups: string[];
  createdAt: string;
}

export interface Milestone {
  title: string;
  due: string;
  /** When the partners reported it reached (ISO timestamp); absent or null while open. */
  reachedAt?: string | null;
}

export interface FundingShare {
  source: FundingSource;
  amount: number;
}

export interface MeasureStatusChange {
  status: string;
  at: string;
  by: string;
  reason: string | null;
}

export interface MeasureDto {
  id: string;
  quarterId: string;
  goalId: string;
  title: string;
  description: string;
  ownerOrganisationId: string | null;
  partnerOrganisationIds: string[];
  kind: MeasureKind;
  targetGroups: string[];
  start: string | null;
  end: string | null;
  milestones: Milestone[];
  cost: number | null;
  funding: FundingShare[];
  status: string;
  statusHistory: MeasureStatusChange[];
  createdAt: string;
}

export interface FieldJustificationDto {
  id: string;
  quarterId: string;
  actionFieldId: ActionFieldId;
  text: string;
}

/** A quarter's set of goals and measures, with the written justifications of fields without goals. */
export interface HandlungskonzeptDto {
  quarterId: string;
  goals: Array<GoalDto & { measures: MeasureDto[] }>;
  justifications: FieldJustificationDto[];
}

/** One reason a Handlungskonzept cannot be submitted; all of them are listed at once. */
export interface ConceptGap {
  code: 'field_without_goal' | 'goal_without_measure' | 'measure_without_owner' | 'measure_without_schedule' | 'measure_outside_window';
  actionFieldId?: ActionFieldId;
  goalId?: string;
  measureId?: string;
  message: string;
}

export interface SignatureDto {
  id: string;
  versionId: string;
  organisationId: string;
  organisationName: string;
  accountId: string;
  role: SignatoryRole;
  at: string;
}

export interface AgreementVersionDto {
  id: string;
  quarterId: string;
  number: number;
  status: AgreementStatus;
  /** sha256 of the canonical JSON of the snapshot. */
  contentHash: string;
  snapshot: HandlungskonzeptDto & { quarterName: string; windowStart: string; windowEnd: string };
  submittedBy: string;
  submittedAt: string;
  bindingAt: string | null;
  decidedAt: string | null;
  requiredChanges: string | null;
  signatures: SignatureDto[];
}

import type { ReportWindow } from './events';

export interface CertificateDto {
  id: string;
  number: string;
  quarterId: string;
  quarterName: string;
  versionId: string;
  partners: string[];
  issuedAt: string;
  /** Until when, by the programme's certificate validity (as the process decided it). */
  validUntil: string;
  verificationCode: string;
  /** The implementation cycle it certifies (1, then 2 after a renewal, ...). */
  cycle: number;
  /** When it ended early, if it did: the Bilanzierung let it expire, or the quarter was withdrawn. */
  expiredAt: string | null;
  endedBy: 'bilanzierung' | 'withdrawal' | null;
  /** The cycle's annual reports as the process scheduled them (empty until the process announced them). */
  reportWindows: ReportWindow[];
}

/** What the public verification endpoint answers; nothing more about the quarter leaks. */
export interface CertificateVerification {
  valid: boolean;
  number?: string;
  quarterName?: string;
  issuedAt?: string;
  validUntil?: string;
  reason?: string;
}

/** The signer, as the gateway knows them: organisation type and signing authority come from the actors service. */
export interface SignerDto {
  accountId: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationType: string | null;
  canSign: boolean;
}

export interface SignAgreementCommand {
  actor: Actor;
  quarterId: string;
  versionId: string;
  signer: SignerDto;
}

/** Answer to signing: the version after it, and whether this signature made it binding. */
export interface SignResult {
  version: AgreementVersionDto;
  becameBinding: boolean;
}

export interface ReviewResult {
  version: AgreementVersionDto;
  certificate: CertificateDto | null;
}

export interface AgreementPdfQuery {
  actor: Actor;
  quarterId: string;
  versionId: string;
  /** Names of the quarter's organisations, for owners of measures. */
  organisationNames?: Record<string, string>;
}

export interface PdfDocument {
  filename: string;
  /** base64 */
  content: string;
}

export const AgreementsMessagePatterns = {
  createGoal: 'agreements.goals.create',
  createMeasure: 'agreements.measures.create',
  updateGoal: 'agreements.goals.update',
  deleteGoal: 'agreements.goals.delete',
  updateMeasure: 'agreements.measures.update',
  deleteMeasure: 'agreements.measures.delete',
  changeMeasureStatus: 'agreements.measures.change-status',
  setJustification: 'agreements.justifications.set',
  getConcept: 'agreements.concept.get',
  submit: 'agreements.versions.submit',
  listVersions: 'agreements.versions.list',
  getVersion: 'agreements.versions.get',
  sign: 'agreements.versions.sign',
  review: 'agreements.versions.review',
  getCertificate: 'agreements.certificates.get',
  verifyCertificate: 'agreements.certificates.verify',
  agreementPdf: 'agreements.versions.pdf',
  certificatePdf: 'agreements.certificates.pdf',
  versionHistory: 'agreements.versions.history',
  createReport: 'agreements.reports.create',
  updateReport: 'agreements.reports.update',
  submitReport: 'agreements.reports.submit',
  reviewReport: 'agreements.reports.review',
  listReports: 'agreements.reports.list',
  getReport: 'agreements.reports.get',
  reportPdf: 'agreements.reports.pdf',
  proposeAmendment: 'agreements.amendments.propose',
  signAmendment: 'agreements.amendments.sign',
  acceptAmendment: 'agreements.amendments.accept',
  rejectAmendment: 'agreements.amendments.reject',
  listAmendments: 'agreements.amendments.list',
  getAmendment: 'agreements.amendments.get',
  reachMilestone: 'agreements.milestones.reach',
  recordGoalsWorkshop: 'agreements.goals-workshops.record',
  listGoalsWorkshops: 'agreements.goals-workshops.list',
} as const;

/**
 * The goals workshop (Zielvereinbarungsworkshop, step 5): the partners agreed the drafted goals
 * and measures. Recording it completes the step; a concept sent back is workshopped again.
 */
export interface GoalsWorkshopDto {
  id: string;
  quarterId: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** Who took part, free text (organisations and people). */
  participants: string;
  notes: string | null;
  /** Goals and measures of the draft when the workshop was recorded. */
  goals: number;
  measures: number;
  recordedBy: string;
  recordedAt: string;
}

export interface RecordGoalsWorkshopCommand {
  date: string;
  participants: string;
  notes?: string;
}

// ---- Implementation: annual reports and amendments ------------------------------------

/** Years of the implementation cycle an annual report (Jahresbericht) covers. */
export const REPORT_YEARS = [1, 2, 3] as const;
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The status of one measure of the agreement in a report, with a note. */
export interface ReportMeasureDto {
  measureId: string;
  title: string;
  status: string;
  note: string | null;
}

/** An updated indicator value (free key/value, optionally tied to a goal). */
export interface ReportIndicatorDto {
  key: string;
  value: string;
  goalId: string | null;
}

/** A change to the plan in the reporting year and why. */
export interface ReportChangeDto {
  description: string;
  reason: string;
}

export interface AnnualReportDto {
  id: string;
  quarterId: string;
  /** The implementation cycle: each cycle has its own reports for years 1 to 3. */
  cycle: number;
  year: number;
  /** The approved Zielvereinbarung version the report is measured against. */
  versionId: string;
  versionNumber: number;
  status: ReportStatus;
  measures: ReportMeasureDto[];
  indicators: ReportIndicatorDto[];
  changes: ReportChangeDto[];
  text: string;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  remarks: string | null;
}

/** Answer to a report's write: the report before (null when created) and after. */
export interface ReportChange {
  before: AnnualReportDto | null;
  after: AnnualReportDto;
}

export const AMENDMENT_ACTIONS = ['replace', 'drop', 'add'] as const;
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];
export const AMENDMENT_STATUSES_FLOW = ['proposed', 'confirmed', 'accepted', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES_FLOW)[number];

/** One change of an amendment, as applied: the measure replaced or dropped, the measure added. */
export interface AmendmentChangeRecord {
  action: AmendmentAction;
  /** The measure replaced or dropped. */
  measureId: string | null;
  /** The goal a measure is added to (or the replaced measure's goal). */
  goalId: string;
  /** The new measure of a replacement or addition. */
  newMeasureId: string | null;
  title: string;
}

export interface AmendmentDto {
  id: string;
  quarterId: string;
  description: string;
  reason: string;
  status: AmendmentStatus;
  /** The approved version it amends, and the new version it creates. */
  baseVersionId: string;
  versionId: string;
  changes: AmendmentChangeRecord[];
  proposedBy: string;
  proposedAt: string;
  confirmedBy: Array<'housing_company' | 'municipality'>;
  acceptedBy: string | null;
  acceptedAt: string | null;
  /** Set when the programme office rejected it: who, when and why. */
  rejectedBy: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  version: AgreementVersionDto;
}

export interface AmendmentSignResult {
  amendment: AmendmentDto;
  party: 'housing_company' | 'municipality';
  becameConfirmed: boolean;
}

export interface SignAmendmentCommand {
  actor: Actor;
  quarterId: string;
  amendmentId: string;
  signer: SignerDto;
}

/** One entry of the version history: every version, what made it, and what replaced it. */
export interface VersionHistoryEntry {
  id: string;
  number: number;
  status: AgreementStatus;
  contentHash: string;
  submittedAt: string;
  decidedAt: string | null;
  /** The amendment that created this version, if any. */
  amendmentId: string | null;
  amendmentDescription: string | null;
  measureCount: number;
  signatures: Array<{ role: SignatoryRole; organisationName: string; at: string }>;
}
