import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person of an organisation (Person): name, function and how to reach them, whether they
 * may sign for the organisation (Zeichnungsbefugnis), and optionally their login account.
 * Nothing more: least personal data.
 */
@Entity({ name: 'people' })
@Index('ix_people_organisation_name', ['organisationId', 'name'])
export class Person {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  organisationId!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  /** Role or function in the organisation, free text. */
  @Column('varchar', { length: 200, nullable: true })
  role!: string | null;

  @Column('varchar', { length: 320, nullable: true })
  email!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  phone!: string | null;

  @Column('boolean', { default: false })
  signingAuthority!: boolean;

  /** At most one person per account: the account's signing authority comes from here. */
  @Index('uq_people_account', { unique: true })
  @Column('varchar', { length: 36, nullable: true })
  accountId!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
