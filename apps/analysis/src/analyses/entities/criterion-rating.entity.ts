import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The self-assessment of one criterion in one quarter, on the catalogue's rating scale. */
@Entity({ name: 'criterion_ratings' })
@Index('uq_criterion_ratings_quarter_criterion', ['quarterId', 'criterionId'], { unique: true })
@Index('ix_criterion_ratings_programme', ['programmeId', 'catalogueVersionId', 'actionFieldId', 'quarterId', 'rating'])
export class CriterionRating {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 100 })
  programmeId!: string;

  @Column('varchar', { length: 160 })
  catalogueVersionId!: string;

  @Column('varchar', { length: 50 })
  criterionId!: string;

  @Column('varchar', { length: 50 })
  actionFieldId!: string;

  @Column('integer')
  rating!: number;

  @Column('text', { nullable: true })
  evidence!: string | null;

  @Column('simple-json')
  targetGroups!: string[];

  @UpdateDateColumn()
  updatedAt!: Date;
}
