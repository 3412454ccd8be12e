import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A refresh token of a session. Only its SHA-256 is stored (the token is 256 random bits,
 * so a fast hash suffices); each one works once: refreshing marks it used and issues the next.
 */
@Entity({ name: 'refresh_tokens' })
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
export class RefreshToken {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index('ix_refresh_tokens_session')
  @Column('varchar', { length: 36 })
  sessionId!: string;

  @Column('varchar', { length: 64 })
  tokenHash!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Column()
  expiresAt!: Date;

  /** Set when it was exchanged; presenting it again means it was copied, and ends the session. */
  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;
}
