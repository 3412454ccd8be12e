import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A named filter (and sort) of a console list, shared with everyone of the creator's role. */
@Entity({ name: 'saved_views' })
@Index('ix_saved_views_role_resource', ['role', 'resource'])
export class SavedView {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** The list: `quarters`, `audit-log`... */
  @Column('varchar', { length: 60 })
  resource!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('simple-json')
  filter!: Record<string, unknown>;

  @Column('simple-json', { nullable: true })
  sort!: { field: string; order: 'ASC' | 'DESC' } | null;

  /** Everyone of this role sees the view. */
  @Column('varchar', { length: 30 })
  role!: string;

  /** Account id of the creator. */
  @Column('varchar', { length: 36 })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
