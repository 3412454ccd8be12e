import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MembershipRole } from '@genq/contracts';

/**
 * An organisation taking part in a quarter. It is also the scope of partner and
 * facilitator users: they see exactly the quarters their organisation is a member of.
 */
@Entity({ name: 'quarter_memberships' })
@Index('uq_quarter_memberships_quarter_organisation', ['quarterId', 'organisationId'], { unique: true })
export class QuarterMembership {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Index('ix_quarter_memberships_organisation')
  @Column('varchar', { length: 36 })
  organisationId!: string;

  /** The person named for the organisation in this quarter (a person of that organisation), if any. */
  @Column('varchar', { length: 36, nullable: true })
  personId!: string | null;

  @Column('varchar', { length: 40 })
  role!: MembershipRole;

  @CreateDateColumn()
  createdAt!: Date;
}
