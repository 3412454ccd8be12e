import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProgrammeCalendar } from '@genq/domain';

/** A state programme (Förderprogramm) with the calendar its quarters start with. */
@Entity({ name: 'programmes' })
export class Programme {
  @PrimaryColumn('varchar', { length: 100 })
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 100 })
  catalogueId!: string;

  @Column('varchar', { length: 50 })
  catalogueVersion!: string;

  @Column('simple-json')
  calendar!: ProgrammeCalendar;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
