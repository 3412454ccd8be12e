import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only audit log. Nothing in the code updates or deletes it, and
 * database triggers refuse UPDATE and DELETE (see the migration), so a bug or a stray
 * query cannot rewrite history either.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  /** Increasing: the order of entries is the order they were written. */
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column()
  at!: Date;

  @Column('varchar', { length: 36, nullable: true })
  actorId!: string | null;

  /** A copy, so the entry stays readable after the account changes. */
  @Column('varchar', { length: 320, nullable: true })
  actorEmail!: string | null;

  @Column('varchar', { length: 30 })
  actorRole!: string;

  @Index('ix_audit_log_action')
  @Column('varchar', { length: 100 })
  action!: string;

  @Column('varchar', { length: 60 })
  resourceType!: string;

  @Index('ix_audit_log_resource')
  @Column('varchar', { length: 200, nullable: true })
  resourceId!: string | null;

  @Index('ix_audit_log_programme')
  @Column('varchar', { length: 100, nullable: true })
  programmeId!: string | null;

  @Index('ix_audit_log_quarter')
  @Column('varchar', { length: 36, nullable: true })
  quarterId!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('simple-json', { nullable: true })
  before!: unknown;

  @Column('simple-json', { nullable: true })
  after!: unknown;

  @Index('ix_audit_log_request')
  @Column('varchar', { length: 100, nullable: true })
  requestId!: string | null;
}
