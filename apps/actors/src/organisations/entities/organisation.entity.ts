import { BeforeInsert, BeforeUpdate, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationType } from '@genq/contracts';
import { organisationNameKey } from '../organisation-name-key';

/** A housing company, municipality, welfare organisation, facilitator... registered in a programme. */
@Entity({ name: 'organisations' })
@Index('uq_organisations_programme_name', ['programmeId', 'name'], { unique: true })
// A quarter's municipality or housing company is looked up by its key within its programme and kind.
// Not unique: older duplicates share a key until they are merged.
@Index('ix_organisations_name_key', ['programmeId', 'type', 'nameKey'])
export class Organisation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  /**
   * `organisationNameKey(name)`: the name as people mean it, set from `name` whenever the
   * organisation is saved (created or renamed through `save`), so look-ups by name use an index.
   * Null only for a row the previous version wrote during a rolling update.
   */
  @Column('varchar', { length: 400, nullable: true })
  nameKey!: string | null;

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

  @BeforeInsert()
  @BeforeUpdate()
  protected keyName(): void {
    if (typeof this.name === 'string') this.nameKey = organisationNameKey(this.name);
  }
}
