import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@genq/contracts';

/**
 * A person who signs in to GenQ. Programme roles (admin, operator, viewer) are scoped by
 * the programmes granted in `account_programmes`; partner and facilitator accounts by
 * their organisation's quarter memberships.
 */
@Entity({ name: 'accounts' })
@Index('uq_accounts_email', ['email'], { unique: true })
export class Account {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** Trimmed and lower-cased, so uniqueness and login ignore case. */
  @Column('varchar', { length: 320 })
  email!: string;

  @Column('varchar', { length: 200 })
  displayName!: string;

  /** argon2id in PHC format; null for accounts that sign in only through OpenID Connect. */
  @Column('varchar', { length: 200, nullable: true })
  passwordHash!: string | null;

  @Column('varchar', { length: 30 })
  role!: Role;

  @Index('ix_accounts_organisation')
  @Column('varchar', { length: 36, nullable: true })
  organisationId!: string | null;

  /** Zeichnungsbefugnis: may sign agreements for its organisation. */
  @Column('boolean', { default: false })
  canSign!: boolean;

  /** Consecutive failed logins since the last success or lockout. */
  @Column('integer', { default: 0 })
  failedLogins!: number;

  @Column({ type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: Date, nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
