import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Catalogue } from '@genq/domain';

/** One immutable version of a criteria and indicator catalogue; analyses pin the version they use. */
@Entity({ name: 'catalogue_versions' })
@Index('uq_catalogue_versions_id_version', ['catalogueId', 'version'], { unique: true })
export class CatalogueVersion {
  /** `<catalogueId>@<version>` */
  @PrimaryColumn('varchar', { length: 160 })
  id!: string;

  @Column('varchar', { length: 100 })
  catalogueId!: string;

  @Column('varchar', { length: 50 })
  version!: string;

  @Column('varchar', { length: 300 })
  title!: string;

  @Column('simple-json')
  document!: Catalogue;

  @CreateDateColumn()
  createdAt!: Date;
}
