/**
 * Shapes of the agreements API (`@genq/contracts`, agreements.ts and audit.ts), as far as the
 * console reads them; copied because that package's entry pulls in server code.
 */

export const ACTION_FIELDS = ['HF1', 'HF2', 'HF3', 'HF4'] as const;
export type ActionFieldId = (typeof ACTION_FIELDS)[number];

/** Target groups and measure statuses of the default catalogue (genq-default 1.0.0). */
export const TARGET_GROUPS = [
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
export const MEASURE_STATUSES = ['geplant', 'in Umsetzung', 'umgesetzt', 'verzögert', 'ersetzt', 'entfallen'] as const;
export const MEASURE_KINDS = ['unmittelbar', 'mittelbar'] as const;
export const FUNDING_SOURCES = ['company', 'municipality', 'state_programme', 'other'] as const;
export const REPORT_YEARS = [1, 2, 3] as const;

export interface Goal {
  id: string;
  actionFieldId: ActionFieldId;
  title: string;
  indicator: string;
  baseline: string | null;
  targetValue: string;
  targetDate: string;
  targetGroups: string[];
}

export interface Measure {
  id: string;
  goalId: string;
  title: string;
  description: string;
  ownerOrganisationId: string | null;
  partnerOrganisationIds: string[];
  kind: (typeof MEASURE_KINDS)[number];
  targetGroups: string[];
  start: string | null;
  end: string | null;
  cost: number | null;
  funding: Array<{ source: string; amount: number }>;
  status: string;
  statusHistory: Array<{ status: string; at: string; by: string; reason: string | null }>;
}

export interface Concept {
  quarterId: string;
  goals: Array<Goal & { measures: Measure[] }>;
  justifications: Array<{ id: string; actionFieldId: ActionFieldId; text: string }>;
}

/** One reason a Handlungskonzept cannot be submitted (409 `errors.gaps`). */
export interface ConceptGap {
  code: string;
  actionFieldId?: ActionFieldId;
  goalId?: string;
  measureId?: string;
  message: string;
}

export interface Signature {
  id: string;
  organisationId: string;
  organisationName: string;
  accountId: string;
  role: 'housing_company' | 'municipality' | 'partner';
  at: string;
}

export type AgreementStatus = 'submitted' | 'binding' | 'approved' | 'sent_back' | 'superseded';

export interface AgreementVersion {
  id: string;
  number: number;
  status: AgreementStatus;
  contentHash: string;
  snapshot: { windowStart: string; windowEnd: string };
  submittedAt: string;
  bindingAt: string | null;
  decidedAt: string | null;
  requiredChanges: string | null;
  signatures: Signature[];
}

export interface Certificate {
  id: string;
  number: string;
  quarterName: string;
  versionId: string;
  partners: string[];
  issuedAt: string;
  validUntil: string;
  verificationCode: string;
}

export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

export interface AnnualReport {
  id: string;
  year: number;
  versionNumber: number;
  status: ReportStatus;
  measures: Array<{ measureId: string; title: string; status: string; note: string | null }>;
  indicators: Array<{ key: string; value: string; goalId: string | null }>;
  changes: Array<{ description: string; reason: string }>;
  text: string;
  createdAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  remarks: string | null;
}

export interface Amendment {
  id: string;
  description: string;
  reason: string;
  status: 'proposed' | 'confirmed' | 'accepted';
  proposedAt: string;
  confirmedBy: string[];
  changes: Array<{ action: string; title: string }>;
  version: { number: number };
}

export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface QuarterMembership {
  id: string;
  organisationId: string;
  organisationName: string;
  role: string;
}

export interface NewGoal {
  actionFieldId: ActionFieldId;
  title: string;
  indicator: string;
  baseline?: string;
  targetValue: string;
  targetDate: string;
  targetGroups: string[];
}

export interface NewMeasure {
  goalId: string;
  title: string;
  description?: string;
  ownerOrganisationId?: string;
  partnerOrganisationIds: string[];
  kind: string;
  targetGroups: string[];
  start?: string;
  end?: string;
  cost?: number;
  funding: Array<{ source: string; amount: number }>;
}

export interface ReportContent {
  measures?: Array<{ measureId: string; status: string; note?: string }>;
  indicators?: Array<{ key: string; value: string; goalId?: string }>;
  changes?: Array<{ description: string; reason: string }>;
  text?: string;
}
