import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Phase } from '@genq/domain';
import type { QuarterBoundary, StartPosition } from '@genq/contracts';

/**
 * A quarter (Quartier) as registered, plus the read model of its process that the
 * worker projects (phase, current step), so lists never ask Temporal per quarter.
 */
@Entity({ name: 'quarters' })
@Index('uq_quarters_natural_key', ['naturalKey'], { unique: true })
// The quarters naming an organisation (merge, rename), and those of a programme naming none yet (linked when it is created).
@Index('ix_quarters_municipality_id', ['municipalityId', 'programmeId'])
@Index('ix_quarters_housing_company_id', ['housingCompanyId', 'programmeId'])
export class Quarter {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** programme + municipality + name, normalised: the same registration twice is one quarter. */
  @Column('varchar', { length: 600 })
  naturalKey!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 200 })
  municipality!: string;

  /** The organisation (of kind municipality) registered under `municipality`; null while none is. */
  @Column('varchar', { length: 36, nullable: true })
  municipalityId!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  kreis!: string | null;

  @Column('varchar', { length: 60 })
  land!: string;

  @Column('varchar', { length: 200 })
  housingCompany!: string;

  /** The organisation (of kind housing company) registered under `housingCompany`; null while none is. */
  @Column('varchar', { length: 36, nullable: true })
  housingCompanyId!: string | null;

  @Index('ix_quarters_programme')
  @Column('varchar', { length: 100 })
  programmeId!: string;

  @Column()
  startedAt!: Date;

  @Column('simple-json', { nullable: true })
  startAt!: StartPosition | null;

  // `type: Date` lets TypeORM pick each driver's timestamp type (a union type hides it).
  @Column({ type: Date, nullable: true })
  workflowStartedAt!: Date | null;

  @Index('ix_quarters_phase')
  @Column('varchar', { length: 30, nullable: true })
  phase!: Phase | null;

  @Column('varchar', { length: 60, nullable: true })
  currentStep!: string | null;

  @Index('ix_quarters_stalled')
  @Column('boolean', { default: false })
  stalled!: boolean;

  @Column('varchar', { length: 300, nullable: true })
  stalledReason!: string | null;

  @Column({ type: Date, nullable: true })
  stalledSince!: Date | null;

  @Column('boolean', { default: false })
  paused!: boolean;

  @Index('ix_quarters_next_due')
  @Column({ type: Date, nullable: true })
  nextDueAt!: Date | null;

  @Column({ type: Date, nullable: true })
  overdueSince!: Date | null;

  @Column('integer', { default: 0 })
  processVersion!: number;

  // Size figures and boundary (issue 4); null while unknown.
  @Column('integer', { nullable: true })
  flats!: number | null;

  @Column('integer', { nullable: true })
  residents!: number | null;

  /** Area in square metres (whole numbers compare exactly on both databases); the API speaks hectares. */
  @Column('integer', { nullable: true })
  areaSqm!: number | null;

  @Column('simple-json', { nullable: true })
  boundary!: QuarterBoundary | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
