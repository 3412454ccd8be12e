import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ParticipantsByAgeGroup, ParticipationEventType } from '@genq/contracts';

/** A participation event of a quarter: workshop, survey, quarter walk or conference. */
@Entity({ name: 'participation_events' })
@Index('ix_participation_events_quarter_date', ['quarterId', 'date'])
export class ParticipationEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 20 })
  type!: ParticipationEventType;

  /** Calendar date YYYY-MM-DD: a day, not an instant, so no time zone can shift it. */
  @Column('varchar', { length: 10 })
  date!: string;

  @Column('simple-json')
  participants!: ParticipantsByAgeGroup;

  @Column('integer')
  participantsTotal!: number;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('varchar', { length: 36, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}
