import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IncidentKind, IncidentRepairNote, IncidentResolution, IncidentStatus } from '@genq/contracts';

/**
 * A technical incident (issue 18): what the worker's incident scanner reported, from the scan
 * that first saw it (opened) to the scan that no longer did (resolved). One row per
 * occurrence: a key that fails again after it was resolved opens a new row.
 */
@Entity({ name: 'incidents' })
@Index('ix_incidents_status_key', ['status', 'key'])
@Index('ix_incidents_quarter', ['quarterId'])
export class Incident {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 400 })
  key!: string;

  @Column('varchar', { length: 20 })
  kind!: IncidentKind;

  @Column('varchar', { length: 10 })
  status!: IncidentStatus;

  @Column('varchar', { length: 200 })
  workflowId!: string;

  @Column('varchar', { length: 64 })
  runId!: string;

  @Column('varchar', { length: 100 })
  workflowType!: string;

  @Column('varchar', { length: 36, nullable: true })
  quarterId!: string | null;

  @Column('varchar', { length: 36, nullable: true })
  programmeId!: string | null;

  @Column('varchar', { length: 100, nullable: true })
  activityId!: string | null;

  @Column('varchar', { length: 100, nullable: true })
  activityType!: string | null;

  @Column('integer')
  attempts!: number;

  @Column('varchar', { length: 200, nullable: true })
  errorType!: string | null;

  @Column('text')
  message!: string;

  @Column()
  since!: Date;

  @Column({ type: Date, nullable: true })
  lastFailureAt!: Date | null;

  @Column({ type: Date, nullable: true })
  nextRetryAt!: Date | null;

  @Column('boolean')
  paused!: boolean;

  @Column()
  openedAt!: Date;

  @Column()
  updatedAt!: Date;

  @Column({ type: Date, nullable: true })
  resolvedAt!: Date | null;

  @Column('varchar', { length: 10, nullable: true })
  resolution!: IncidentResolution | null;

  @Column('varchar', { length: 36, nullable: true })
  resolvedBy!: string | null;

  @Column('simple-json', { nullable: true })
  lastRepair!: IncidentRepairNote | null;

  @Column({ type: Date, nullable: true })
  notifiedAt!: Date | null;
}
