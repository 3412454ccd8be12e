import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import type { Actor, ListQuery, NotificationDto, NotificationRequest, Page } from '@genq/contracts';
import { isUniqueViolation, pageOf, problem } from '@genq/service-kit';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { Person } from '../people/entities/person.entity';
import { ScopeService } from '../scope/scope.service';
import { Notification } from './entities/notification.entity';
import { decideRecipient, type NamedPerson } from './recipient';

const toDto = (n: Notification): NotificationDto => ({
  id: n.id,
  idempotencyKey: n.idempotencyKey,
  quarterId: n.quarterId,
  kind: n.kind,
  deadlineKey: n.deadlineKey,
  occurrence: n.occurrence,
  recipientName: n.recipientName,
  recipientEmail: n.recipientEmail,
  subject: n.subject,
  body: n.body,
  status: n.status,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt ? n.sentAt.toISOString() : null,
});

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(QuarterMembership) private readonly memberships: Repository<QuarterMembership>,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly scope: ScopeService,
  ) {}

  /**
   * Stores the notification once per idempotency key; a repeat returns the stored one unchanged.
   * A reminder the process addressed to an organisation's role goes to the person the quarter's
   * membership in that role names (see decideRecipient).
   */
  async enqueue(req: NotificationRequest): Promise<NotificationDto> {
    const existing = await this.notifications.findOneBy({ idempotencyKey: req.idempotencyKey });
    if (existing) return toDto(existing);
    const decided = decideRecipient(req, req.recipientRole && !req.recipientEmail ? await this.namedPeople(req.quarterId, req.recipientRole) : []);
    try {
      const saved = await this.notifications.save(
        this.notifications.create({ ...decided, id: randomUUID(), status: decided.recipientEmail ? 'pending' : 'not_mailed', sentAt: null }),
      );
      return toDto(saved);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return toDto(await this.notifications.findOneByOrFail({ idempotencyKey: req.idempotencyKey }));
    }
  }

  /** The people the quarter's memberships in the role name, oldest membership first. */
  private async namedPeople(quarterId: string, role: NonNullable<NotificationRequest['recipientRole']>): Promise<NamedPerson[]> {
    const named = await this.memberships.find({ where: { quarterId, role, personId: Not(IsNull()) }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (named.length === 0) return [];
    const people = new Map((await this.people.findBy({ id: In(named.map((m) => m.personId!)) })).map((p) => [p.id, p]));
    return named.flatMap((m) => {
      const p = people.get(m.personId!);
      return p ? [{ name: p.name, email: p.email }] : [];
    });
  }

  async markSent(id: string): Promise<NotificationDto> {
    const n = await this.notifications.findOneBy({ id });
    if (!n) throw problem('notification.not_found', { id });
    if (n.status !== 'sent') await this.notifications.update({ id }, { status: 'sent', sentAt: new Date() });
    return toDto(await this.notifications.findOneByOrFail({ id }));
  }

  /** The outbox of the quarters the actor may see. */
  async list(actor: Actor, query: ListQuery): Promise<Page<NotificationDto>> {
    const qb = this.scope.restrictToQuarters(this.notifications.createQueryBuilder('n'), 'n.quarterId', actor);
    const page = await pageOf(qb, query, {
      sortable: ['createdAt', 'kind', 'status', 'quarterId'],
      filterable: ['quarterId', 'kind', 'status', 'deadlineKey'],
      searchable: ['subject', 'recipientName'],
      defaultSort: { field: 'createdAt', order: 'DESC' },
    });
    return { data: page.data.map(toDto), total: page.total };
  }
}
