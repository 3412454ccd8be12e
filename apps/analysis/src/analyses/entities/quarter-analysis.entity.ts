import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AnalysisStatus } from '@genq/contracts';

/**
 * One quarter's analysis (Quartiersanalyse). It pins the catalogue version its values and
 * ratings are checked against, and keeps the quarter's programme so that comparisons across
 * the programme need no call to the actors service.
 */
@Entity({ name: 'quarter_analyses' })
@Index('ix_quarter_analyses_programme', ['programmeId', 'catalogueVersionId'])
export class QuarterAnalysis {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index('uq_quarter_analyses_quarter', { unique: true })
  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 100 })
  programmeId!: string;

  @Column('varchar', { length: 160 })
  catalogueVersionId!: string;

  @Column('varchar', { length: 20, default: 'draft' })
  status!: AnalysisStatus;

  @Column({ type: Date, nullable: true })
  submittedAt!: Date | null;

  /** Strategy workshop priorities: criterion or action field ids. */
  @Column('simple-json', { nullable: true })
  priorities!: string[] | null;

  @Column({ type: Date, nullable: true })
  prioritiesRecordedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
