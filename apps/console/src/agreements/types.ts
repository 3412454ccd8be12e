import { ACTION_FIELDS, DEFAULT_MEASURE_STATUSES, DEFAULT_TARGET_GROUPS, FUNDING_SOURCES, MEASURE_KINDS } from '@genq/contracts';
import type {
  ActionFieldId,
  AgreementVersionDto,
  AmendmentDto,
  AnnualReportDto,
  AuditEntryDto,
  CertificateDto,
  FieldJustificationDto,
  GoalDto,
  MeasureDto,
  MembershipDto,
  SignatureDto,
} from '@genq/contracts';

/**
 * Shapes of the agreements API, typed from `@genq/contracts` (agreements.ts and audit.ts) as far
 * as the console reads them. The lists are the contracts' own values (its main entry runs in
 * the browser).
 */
export type { ActionFieldId, AgreementStatus, ConceptGap, ReportStatus } from '@genq/contracts';

export { ACTION_FIELDS, FUNDING_SOURCES, MEASURE_KINDS };
/** Target groups and measure statuses of the default catalogue (genq-default 1.0.0). */
export const TARGET_GROUPS = DEFAULT_TARGET_GROUPS;
export const MEASURE_STATUSES = DEFAULT_MEASURE_STATUSES;
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

/** A change of a goal or measure: the fields sent replace the saved ones; `null` clears an optional value. */
export type GoalChange = Omit<NewGoal, 'baseline'> & { baseline: string | null };
export type MeasureChange = Omit<NewMeasure, 'description' | 'ownerOrganisationId' | 'start' | 'end' | 'cost'> & {
  description: string | null;
  ownerOrganisationId: string | null;
  start: string | null;
  end: string | null;
  cost: number | null;
};

export interface ReportContent {
  measures?: Array<{ measureId: string; status: string; note?: string }>;
  indicators?: Array<{ key: string; value: string; goalId?: string }>;
  changes?: Array<{ description: string; reason: string }>;
  text?: string;
}
