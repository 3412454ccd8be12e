import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A programme in the scope of a programme admin, operator or viewer (a table, so scope is one SQL join). */
@Entity({ name: 'account_programmes' })
@Index('ix_account_programmes_programme', ['programmeId'])
export class AccountProgramme {
  @PrimaryColumn('varchar', { length: 36 })
  accountId!: string;

  @PrimaryColumn('varchar', { length: 100 })
  programmeId!: string;
}
