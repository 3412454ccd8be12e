import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The kick-off record of a quarter (Auftakt, step 1): one per quarter. */
@Entity({ name: 'kickoff_records' })
export class KickoffRecord {
  @PrimaryColumn('varchar', { length: 36 })
  quarterId!: string;

  /** Calendar date YYYY-MM-DD. */
  @Column('varchar', { length: 10 })
  date!: string;

  @Column('varchar', { length: 36 })
  housingCompanyLeadId!: string;

  @Column('varchar', { length: 36 })
  municipalityLeadId!: string;

  @Column('varchar', { length: 36 })
  facilitatorId!: string;

  @Column('varchar', { length: 10 })
  declarationSignedOn!: string;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('varchar', { length: 36 })
  recordedBy!: string;

  @CreateDateColumn()
  recordedAt!: Date;
}
