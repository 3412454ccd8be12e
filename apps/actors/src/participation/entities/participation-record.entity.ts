import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ParticipationProposal } from '@genq/contracts';

/** The participation record that closes a quarter's Beteiligungsphase (step 4): one per quarter. */
@Entity({ name: 'participation_records' })
export class ParticipationRecord {
  @PrimaryColumn('varchar', { length: 36 })
  quarterId!: string;

  /** Calendar date YYYY-MM-DD. */
  @Column('varchar', { length: 10 })
  closedOn!: string;

  @Column('simple-json')
  proposals!: ParticipationProposal[];

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('varchar', { length: 36 })
  recordedBy!: string;

  @CreateDateColumn()
  recordedAt!: Date;
}
