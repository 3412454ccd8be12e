import type {
  ActionFieldId,
  AgreementVersionDto,
  AmendmentDto,
  AnnualReportDto,
  AuditEntryDto,
  CertificateDto,
  DEFAULT_MEASURE_STATUSES,
  DEFAULT_TARGET_GROUPS,
  FieldJustificationDto,
  FundingSource,
  GoalDto,
  MeasureDto,
  MeasureKind,
  MembershipDto,
  SignatureDto,
} from '@genq/contracts';

/**
 * Shapes of the agreements API, typed from `@genq/contracts` (agreements.ts and audit.ts) as far
 * as the console reads them. Types only: that package's entry pulls in server code. The lists
 * below are runtime values, so the console keeps them, each checked against the contracts.
 */
export type { ActionFieldId, AgreementStatus, ConceptGap, ReportStatus } from '@genq/contracts';

export const ACTION_FIELDS = ['HF1', 'HF2', 'HF3', 'HF4'] as const satisfies readonly ActionFieldId[];

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
] as const satisfies readonly (typeof DEFAULT_TARGET_GROUPS)[number][];
export const MEASURE_STATUSES = ['geplant', 'in Umsetzung', 'umgesetzt', 'verzögert', 'ersetzt', 'entfallen'] as const satisfies readonly (typeof DEFAULT_MEASURE_STATUSES)[number][];
export const MEASURE_KINDS = ['unmittelbar', 'mittelbar'] as const satisfies readonly MeasureKind[];
export const FUNDING_SOURCES = ['company', 'municipality', 'state_programme', 'other'] as const satisfies readonly FundingSource[];
export const REPORT_YEARS = [1, 2, 3] as const;

export type Goal = GoalDto;
export type Measure = MeasureDto;

/** The Handlungskonzept (`HandlungskonzeptDto`). */
export interface Concept {
  quarterId: string;
  goals: Array<Goal & { measures: Measure[] }>;
  justifications: FieldJustificationDto[];
}

export type Signature = SignatureDto;
export type AgreementVersion = AgreementVersionDto;
export type Certificate = CertificateDto;
export type AnnualReport = AnnualReportDto;
export type Amendment = AmendmentDto;
export type AuditEntry = AuditEntryDto;
export type QuarterMembership = Pick<MembershipDto, 'id' | 'organisationId' | 'organisationName' | 'role'>;

/** Bodies the console sends (the gateway validates them with the DTOs of `@genq/dto`). */
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
