import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Read model of the programme comparison: per quarter, each action field's mean rating and
 * each indicator's value at its latest reference date. Written in the same transaction as
 * the ratings and values it is derived from, so it is never stale; the comparison then
 * reads narrow rows through one index instead of aggregating the raw tables.
 */
@Entity({ name: 'quarter_figures' })
@Index('ix_quarter_figures_programme', ['programmeId', 'catalogueVersionId', 'kind', 'figureId', 'value'])
export class QuarterFigure {
  @PrimaryColumn('varchar', { length: 36 })
  quarterId!: string;

  /** `field` (mean rating of an action field) or `indicator` (latest value). */
  @PrimaryColumn('varchar', { length: 10 })
  kind!: 'field' | 'indicator';

  @PrimaryColumn('varchar', { length: 100 })
  figureId!: string;

  @Column('varchar', { length: 100 })
  programmeId!: string;

  @Column('varchar', { length: 160 })
  catalogueVersionId!: string;

  @Column('double precision')
  value!: number;
}
