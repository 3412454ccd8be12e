import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationType } from '@genq/contracts';

/** A housing company, municipality, welfare organisation, facilitator... registered in a programme. */
@Entity({ name: 'organisations' })
@Index('uq_organisations_programme_name', ['programmeId', 'name'], { unique: true })
export class Organisation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 40 })
  type!: OrganisationType;

  /** Amtlicher Gemeindeschlüssel of a municipality. */
  @Column('varchar', { length: 8, nullable: true })
  ags!: string | null;

  // The unique (programmeId, name) index also serves look-ups by programme.
  @Column('varchar', { length: 100 })
  programmeId!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
