import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { eventEntities } from '@genq/service-kit';
import type {
  ActionFieldId,
  AgreementStatus,
  AmendmentChangeRecord,
  AmendmentStatus,
  ReportChangeDto,
  ReportIndicatorDto,
  ReportMeasureDto,
  ReportStatus,
  FundingShare,
  ReportWindow,
  MeasureKind,
  MeasureStatusChange,
  Milestone,
  SignatoryRole,
} from '@genq/contracts';
import type { AgreementSnapshot } from '../agreement/snapshot';

/** Ziel: what a quarter wants to reach in one action field, measured by one indicator. */
@Entity({ name: 'goals' })
@Index('ix_goals_quarter', ['quarterId'])
export class Goal {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 4 })
  actionFieldId!: ActionFieldId;

  @Column('varchar', { length: 300 })
  title!: string;

  @Column('simple-json')
  criterionIds!: string[];

  @Column('varchar', { length: 300 })
  indicator!: string;

  @Column('varchar', { length: 200, nullable: true })
  baseline!: string | null;

  @Column('varchar', { length: 200 })
  targetValue!: string;

  /** ISO date. */
  @Column('varchar', { length: 30 })
  targetDate!: string;

  @Column('simple-json')
  targetGroups!: string[];

  @CreateDateColumn()
  createdAt!: Date;
}

/** Maßnahme: what someone does for a goal, when, at what cost. */
@Entity({ name: 'measures' })
@Index('ix_measures_quarter', ['quarterId'])
@Index('ix_measures_goal', ['goalId'])
export class Measure {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 36 })
  goalId!: string;

  @Column('varchar', { length: 300 })
  title!: string;

  @Column('text')
  description!: string;

  @Column('varchar', { length: 36, nullable: true })
  ownerOrganisationId!: string | null;

  @Column('simple-json')
  partnerOrganisationIds!: string[];

  @Column('varchar', { length: 20 })
  kind!: MeasureKind;

  @Column('simple-json')
  targetGroups!: string[];

  /** ISO dates of the schedule; open while drafting. */
  @Column('varchar', { length: 30, nullable: true })
  start!: string | null;

  @Column('varchar', { length: 30, nullable: true })
  end!: string | null;

  @Column('simple-json')
  milestones!: Milestone[];

  /** Euro; text keeps decimals exact on both drivers. */
  @Column('varchar', { length: 30, nullable: true })
  cost!: string | null;

  @Column('simple-json')
  funding!: FundingShare[];

  @Column('varchar', { length: 30 })
  status!: string;

  @Column('simple-json')
  statusHistory!: MeasureStatusChange[];

  @CreateDateColumn()
  createdAt!: Date;
}

/** Schriftliche Begründung: why an action field with weaknesses has no goal. */
@Entity({ name: 'field_justifications' })
@Index('uq_field_justifications_field', ['quarterId', 'actionFieldId'], { unique: true })
export class FieldJustification {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 4 })
  actionFieldId!: ActionFieldId;

  @Column('text')
  text!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

/** One immutable version of the Zielvereinbarung: the snapshot never changes, only its status. */
@Entity({ name: 'agreement_versions' })
@Index('uq_agreement_versions_number', ['quarterId', 'number'], { unique: true })
export class AgreementVersion {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('integer')
  number!: number;

  @Column('varchar', { length: 20 })
  status!: AgreementStatus;

  @Column('varchar', { length: 64 })
  contentHash!: string;

  @Column('simple-json')
  snapshot!: AgreementSnapshot;

  @Column('varchar', { length: 36 })
  submittedBy!: string;

  @Column()
  submittedAt!: Date;

  @Column({ type: Date, nullable: true })
  bindingAt!: Date | null;

  @Column({ type: Date, nullable: true })
  decidedAt!: Date | null;

  @Column('text', { nullable: true })
  requiredChanges!: string | null;
}

/** Unterschrift: one organisation's signature under one version, by an account with signing authority. */
@Entity({ name: 'signatures' })
@Index('uq_signatures_version_organisation', ['versionId', 'organisationId'], { unique: true })
export class Signature {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  versionId!: string;

  @Column('varchar', { length: 36 })
  organisationId!: string;

  /** Name at the time of signing, as printed under the agreement. */
  @Column('varchar', { length: 200 })
  organisationName!: string;

  @Column('varchar', { length: 36 })
  accountId!: string;

  @Column('varchar', { length: 20 })
  role!: SignatoryRole;

  @Column()
  at!: Date;
}

/** Zertifikat: issued when the programme office approves a binding version; valid three years. */
@Entity({ name: 'certificates' })
@Index('uq_certificates_number', ['number'], { unique: true })
@Index('uq_certificates_version_cycle', ['versionId', 'cycle'], { unique: true })
@Index('uq_certificates_code', ['verificationCode'], { unique: true })
export class Certificate {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 40 })
  number!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 300 })
  quarterName!: string;

  @Column('varchar', { length: 36 })
  versionId!: string;

  @Column('simple-json')
  partners!: string[];

  @Column()
  issuedAt!: Date;

  @Column()
  validUntil!: Date;

  @Column('varchar', { length: 64 })
  verificationCode!: string;

  /** The implementation cycle it certifies: 1, then one more with every renewal by the Bilanzierung. */
  @Column('integer', { default: 1 })
  cycle!: number;

  /** Set when the certificate ended early: the Bilanzierung let it expire, or the quarter was withdrawn. */
  @Column({ type: Date, nullable: true })
  expiredAt!: Date | null;

  @Column('varchar', { length: 20, nullable: true })
  endedBy!: 'bilanzierung' | 'withdrawal' | null;

  /** The cycle's annual reports as the process scheduled them: each may be filed from `opensAt`. */
  @Column('simple-json', { nullable: true })
  reportWindows!: ReportWindow[] | null;
}

/** Jahresbericht: one per quarter, implementation cycle and year of the cycle, against the approved version. */
@Entity({ name: 'annual_reports' })
@Index('uq_annual_reports_cycle_year', ['quarterId', 'cycle', 'year'], { unique: true })
export class AnnualReport {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  /** The implementation cycle (the certificate's) the report belongs to. */
  @Column('integer', { default: 1 })
  cycle!: number;

  @Column('integer')
  year!: number;

  @Column('varchar', { length: 36 })
  versionId!: string;

  @Column('integer')
  versionNumber!: number;

  @Column('varchar', { length: 20 })
  status!: ReportStatus;

  @Column('simple-json')
  measures!: ReportMeasureDto[];

  @Column('simple-json')
  indicators!: ReportIndicatorDto[];

  @Column('simple-json')
  changes!: ReportChangeDto[];

  @Column('text')
  text!: string;

  @Column('varchar', { length: 36 })
  createdBy!: string;

  @Column()
  createdAt!: Date;

  @Column('varchar', { length: 36, nullable: true })
  submittedBy!: string | null;

  @Column({ type: Date, nullable: true })
  submittedAt!: Date | null;

  @Column('varchar', { length: 36, nullable: true })
  reviewedBy!: string | null;

  @Column({ type: Date, nullable: true })
  reviewedAt!: Date | null;

  @Column('text', { nullable: true })
  remarks!: string | null;
}

/** Änderung der Zielvereinbarung: the new version it created, its confirmations and the acceptance. */
@Entity({ name: 'amendments' })
@Index('ix_amendments_quarter', ['quarterId'])
@Index('uq_amendments_version', ['versionId'], { unique: true })
export class Amendment {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 500 })
  description!: string;

  @Column('text')
  reason!: string;

  @Column('varchar', { length: 20 })
  status!: AmendmentStatus;

  @Column('varchar', { length: 36 })
  baseVersionId!: string;

  @Column('varchar', { length: 36 })
  versionId!: string;

  @Column('simple-json')
  changes!: AmendmentChangeRecord[];

  @Column('varchar', { length: 36 })
  proposedBy!: string;

  @Column()
  proposedAt!: Date;

  @Column('varchar', { length: 36, nullable: true })
  acceptedBy!: string | null;

  @Column({ type: Date, nullable: true })
  acceptedAt!: Date | null;

  @Column('varchar', { length: 36, nullable: true })
  rejectedBy!: string | null;

  @Column({ type: Date, nullable: true })
  rejectedAt!: Date | null;

  @Column('text', { nullable: true })
  rejectionReason!: string | null;
}

/**
 * What the agreements service knows of a quarter's analysis (from `analysis.weak_fields_changed`):
 * the action fields with weaknesses, which the Handlungskonzept must answer.
 */
@Entity({ name: 'quarter_weak_fields' })
export class QuarterWeakFields {
  @PrimaryColumn('varchar', { length: 36 })
  quarterId!: string;

  @Column('simple-json')
  weakActionFields!: string[];

  /** Of the analysis event, so that an older change never overwrites a newer one. */
  @Column('bigint')
  revision!: string;
}

/** A goals workshop (Zielvereinbarungsworkshop) on the drafted Handlungskonzept; one per round (a concept sent back is workshopped again). */
@Entity({ name: 'goals_workshops' })
@Index('ix_goals_workshops_quarter', ['quarterId'])
export class GoalsWorkshop {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  /** Calendar date YYYY-MM-DD. */
  @Column('varchar', { length: 10 })
  date!: string;

  @Column('text')
  participants!: string;

  @Column('text', { nullable: true })
  notes!: string | null;

  /** Goals and measures of the draft when the workshop was recorded. */
  @Column('integer')
  goals!: number;

  @Column('integer')
  measures!: number;

  @Column('varchar', { length: 36 })
  recordedBy!: string;

  @CreateDateColumn()
  recordedAt!: Date;
}

export const agreementsEntities = [Goal, Measure, FieldJustification, AgreementVersion, Signature, Certificate, AnnualReport, Amendment, QuarterWeakFields, GoalsWorkshop, ...eventEntities];
