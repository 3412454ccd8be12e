import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationRequest } from '@genq/contracts';

/**
 * The notification outbox: every reminder and escalation the process sends lands here
 * first, once per idempotency key, whether or not it is also mailed.
 */
@Entity({ name: 'notifications' })
@Index('uq_notifications_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('ix_notifications_quarter', ['quarterId'])
export class Notification {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 300 })
  idempotencyKey!: string;

  @Column('varchar', { length: 36 })
  quarterId!: string;

  @Column('varchar', { length: 20 })
  kind!: NotificationRequest['kind'];

  @Column('varchar', { length: 60, nullable: true })
  deadlineKey!: string | null;

  @Column('integer')
  occurrence!: number;

  @Column('varchar', { length: 200, nullable: true })
  recipientName!: string | null;

  @Column('varchar', { length: 320, nullable: true })
  recipientEmail!: string | null;

  @Column('varchar', { length: 400 })
  subject!: string;

  @Column('text')
  body!: string;

  @Column('varchar', { length: 12 })
  status!: 'pending' | 'sent' | 'not_mailed';

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  sentAt!: Date | null;
}
