import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One domain event waiting to be published (or published already). Written in the same
 * transaction as the change that caused it, so an event exists exactly when its change does.
 * `seq` is the order of recording: the relay publishes in that order.
 */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_events_unpublished', ['publishedAt', 'seq'])
export class OutboxEventRow {
  @PrimaryGeneratedColumn('increment')
  seq!: number;

  @Index('uq_outbox_events_id', { unique: true })
  @Column('varchar', { length: 120 })
  id!: string;

  @Column('varchar', { length: 60 })
  type!: string;

  @Column('integer')
  version!: number;

  @Column('varchar', { length: 20 })
  source!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column()
  occurredAt!: Date;

  @Column('simple-json')
  payload!: object;

  @Column({ nullable: true, type: Date })
  publishedAt!: Date | null;

  /** Failed publishing attempts, and the last error, for the operator's outbox view. */
  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  /**
   * The trace context (W3C headers as JSON) of the change that recorded the event: the relay
   * publishes it with the event, so its consumers' work joins the trace of that change.
   */
  @Column('varchar', { length: 1000, nullable: true })
  traceContext!: string | null;
}

/**
 * The inbox of a consumer: the ids of the events it has applied, written in the same
 * transaction as what the event changed. A redelivered event finds its id and changes nothing.
 */
@Entity({ name: 'processed_events' })
export class ProcessedEventRow {
  @PrimaryColumn('varchar', { length: 80 })
  consumer!: string;

  @PrimaryColumn('varchar', { length: 120 })
  eventId!: string;

  @Column()
  processedAt!: Date;
}

/** The entities every service with an outbox adds to its data source. */
export const eventEntities = [OutboxEventRow, ProcessedEventRow];
