import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One login. Access tokens name it (`sid`), so revoking it (logout, a stolen refresh
 * token replayed) ends every token of the login at once, not only at their expiry.
 */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index('ix_sessions_account')
  @Column('varchar', { length: 36 })
  accountId!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** Absolute end: refreshing never extends a session beyond it. */
  @Column()
  expiresAt!: Date;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;

  @Column('varchar', { length: 40, nullable: true })
  revokedReason!: string | null;
}
