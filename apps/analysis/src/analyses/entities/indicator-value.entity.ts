import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { IndicatorKind } from '@genq/domain';

/**
 * One indicator value of a quarter at a reference date. Kind and unit are copied from the
 * pinned catalogue version when written; programme and catalogue version are copied from
 * the analysis so the programme comparison reads one table through one index.
 */
@Entity({ name: 'indicator_values' })
@Index('uq_indicator_values_quarter_indicator_date', ['quarterId', 'indicatorId', 'referenceDate'], { unique: true })
@Index('ix_indicator_values_programme', ['programmeId', 'catalogueVersionId', 'indicatorId', 'quarterId', 'referenceDate', 'value'])
export class IndicatorValue {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 100 })
  programmeId!: string;

  @Column('varchar', { length: 160 })
  catalogueVersionId!: string;

  @Column('varchar', { length: 100 })
  indicatorId!: string;

  /** ISO date YYYY-MM-DD; text sorts chronologically on both databases. */
  @Column('varchar', { length: 10 })
  referenceDate!: string;

  @Column('double precision')
  value!: number;

  @Column('varchar', { length: 300, nullable: true })
  source!: string | null;

  @Column('varchar', { length: 10 })
  kind!: IndicatorKind;

  @Column('varchar', { length: 50 })
  unit!: string;

  @UpdateDateColumn()
  updatedAt!: Date;
}
