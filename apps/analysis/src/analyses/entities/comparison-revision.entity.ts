import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counts the writes that changed a programme's comparison figures. Every write bumps it in
 * its own transaction; a service instance reuses its computed programme distribution while
 * the stored revision is the one it computed it at, so comparing one quarter costs a key
 * lookup instead of sorting every quarter's figures, on any number of instances.
 */
@Entity({ name: 'comparison_revisions' })
export class ComparisonRevision {
  @PrimaryColumn('varchar', { length: 100 })
  programmeId!: string;

  @PrimaryColumn('varchar', { length: 160 })
  catalogueVersionId!: string;

  @Column('integer')
  revision!: number;
}
