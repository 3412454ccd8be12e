import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The dashboard's counters (issue 16): how many quarters of a programme stand in a phase and
 * step, and how many of them are stalled, paused and overdue. Kept by database triggers on
 * `quarters` (migration QuarterCounts1767000000000), so every change of a quarter row — the
 * registration, the bulk import, the projection of process state, a deletion, a row written
 * by hand — changes its counter in the same transaction. The dashboard of a programme role
 * reads these few rows instead of scanning every quarter.
 *
 * A quarter without a phase or step counts under '' (a primary key column holds no null);
 * the dashboard answers null for it. Rows whose count fell to 0 stay and are skipped.
 */
@Entity({ name: 'quarter_counts' })
export class QuarterCount {
  @PrimaryColumn('varchar', { length: 100 })
  programmeId!: string;

  @PrimaryColumn('varchar', { length: 30 })
  phase!: string;

  @PrimaryColumn('varchar', { length: 60 })
  currentStep!: string;

  @Column('integer', { default: 0 })
  quarters!: number;

  @Column('integer', { default: 0 })
  stalled!: number;

  @Column('integer', { default: 0 })
  paused!: number;

  @Column('integer', { default: 0 })
  overdue!: number;
}
