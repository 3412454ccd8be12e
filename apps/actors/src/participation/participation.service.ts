import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import {
  AGE_GROUPS,
  NETWORK_PARTNER_ROLES,
  type Actor,
  type CloseParticipationCommand,
  type CreateParticipationEventCommand,
  type ParticipantsByAgeGroup,
  type ParticipationFigures,
  type ParticipationEventDto,
  type ParticipationRecordDto,
  type Page,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, problem, recordEvent } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Programme } from '../programmes/entities/programme.entity';
import { Quarter } from '../quarters/entities/quarter.entity';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { isCalendarDate, today } from './calendar-date';
import { ParticipationEvent } from './entities/participation-event.entity';
import { ParticipationRecord } from './entities/participation-record.entity';

/** Who records participation events: the programme office and the quarter's own partners and facilitators. */
export const PARTICIPATION_WRITERS = ['programme_admin', 'partner', 'facilitator'] as const;

export function toParticipationEventDto(e: ParticipationEvent): ParticipationEventDto {
  return {
    id: e.id,
    quarterId: e.quarterId,
    type: e.type,
    date: e.date,
    participants: e.participants,
    participantsTotal: e.participantsTotal,
    outcome: e.outcome,
    createdAt: e.createdAt.toISOString(),
  };
}

function toParticipationRecordDto(r: ParticipationRecord, figures: ParticipationFigures): ParticipationRecordDto {
  return {
    quarterId: r.quarterId,
    closedOn: r.closedOn,
    proposals: r.proposals,
    summary: r.summary,
    events: figures.years.reduce((n, y) => n + y.events, 0),
    participants: figures.years.reduce((n, y) => n + y.participants, 0),
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}

@Injectable()
export class ParticipationService {
  constructor(
    @InjectRepository(ParticipationEvent) private readonly events: Repository<ParticipationEvent>,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, quarterId: string, cmd: CreateParticipationEventCommand): Promise<ParticipationEventDto> {
    requireRole(actor, PARTICIPATION_WRITERS);
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    if (!isCalendarDate(cmd.date)) throw invalidFields({ field: 'date', code: 'validation.isDateString' });
    const participants = Object.fromEntries(AGE_GROUPS.map((g) => [g, cmd.participants?.[g] ?? 0])) as ParticipantsByAgeGroup;
    return this.events.manager.transaction(async (em) => {
      const saved = await em.getRepository(ParticipationEvent).save(
        em.getRepository(ParticipationEvent).create({
        id: randomUUID(),
        quarterId,
        type: cmd.type,
        date: cmd.date,
        participants,
        participantsTotal: AGE_GROUPS.reduce((sum, g) => sum + participants[g], 0),
          outcome: cmd.outcome?.trim() || null,
          createdBy: actor.userId,
        }),
      );
      await recordParticipationFigures(em, quarterId, `event:${saved.id}`);
      const created = toParticipationEventDto(saved);
      await this.audit.recordChange(em, { action: 'participation_event.create', resourceType: 'participation_event', resourceId: created.id, quarterId, before: null, after: created });
      return created;
    });
  }

  /**
   * Closes the Beteiligungsphase (step 4) with its participation record: the proposals that
   * residents and partners made, after at least one participation event. Records
   * `participation.closed` for the process in the same transaction.
   */
  async close(actor: Actor, quarterId: string, cmd: CloseParticipationCommand): Promise<ParticipationRecordDto> {
    requireRole(actor, PARTICIPATION_WRITERS);
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    if (!isCalendarDate(cmd.closedOn)) throw invalidFields({ field: 'closedOn', code: 'validation.isDateString' });
    if (cmd.closedOn > today()) throw invalidFields({ field: 'closedOn', code: 'date.in_future' });
    try {
      return await this.events.manager.transaction(async (em) => {
        if (await em.getRepository(ParticipationRecord).existsBy({ quarterId })) throw problem('participation.already_closed');
        const figures = await participationFigures(em, quarterId);
        const events = figures.years.reduce((n, y) => n + y.events, 0);
        if (events === 0) throw problem('participation.no_event');
        const saved = await em.getRepository(ParticipationRecord).save(
          em.getRepository(ParticipationRecord).create({
            quarterId,
            closedOn: cmd.closedOn,
            proposals: cmd.proposals.map((p) => ({ text: p.text.trim(), actionFieldId: p.actionFieldId ?? null })),
            summary: cmd.summary?.trim() || null,
            recordedBy: actor.userId,
          }),
        );
        await recordEvent(em, 'actors', {
          id: `participation-closed:${quarterId}`,
          type: 'participation.closed',
          quarterId,
          payload: { closedOn: cmd.closedOn, events, proposals: saved.proposals.length },
        });
        const record = toParticipationRecordDto(saved, figures);
        await this.audit.recordChange(em, { action: 'participation.close', resourceType: 'quarter', resourceId: quarterId, quarterId, before: null, after: record });
        return record;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw problem('participation.already_closed');
      throw err;
    }
  }

  /** The quarter's participation record, or null while the phase is open. */
  async record(actor: Actor, quarterId: string): Promise<ParticipationRecordDto | null> {
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    const record = await this.events.manager.getRepository(ParticipationRecord).findOneBy({ quarterId });
    return record ? toParticipationRecordDto(record, await participationFigures(this.events.manager, quarterId)) : null;
  }

  /** The quarter's events, newest first. */
  async list(actor: Actor, quarterId: string): Promise<Page<ParticipationEventDto>> {
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    const rows = await this.events.find({ where: { quarterId }, order: { date: 'DESC', createdAt: 'DESC' } });
    return { data: rows.map(toParticipationEventDto), total: rows.length };
  }

  /**
   * What the quarter's events and memberships count into the process indicators: events and
   * participants per calendar year, and the network partners now. Computed from all rows
   * every time, so asking again gives the same figures.
   */
  async figures(actor: Actor, quarterId: string): Promise<ParticipationFigures> {
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    return participationFigures(this.events.manager, quarterId);
  }
}

/**
 * What the quarter's events and memberships count into the process indicators, read inside
 * the caller's transaction: events and participants per calendar year, network partners now.
 */
export async function participationFigures(em: EntityManager, quarterId: string): Promise<ParticipationFigures> {
  const rows = await em
    .getRepository(ParticipationEvent)
    .createQueryBuilder('e')
    .select('SUBSTR(e.date, 1, 4)', 'year')
    .addSelect('COUNT(*)', 'events')
    .addSelect('SUM(e.participantsTotal)', 'participants')
    .where('e.quarterId = :quarterId', { quarterId })
    .groupBy('SUBSTR(e.date, 1, 4)')
    .orderBy('year', 'ASC')
    .getRawMany<{ year: string; events: string | number; participants: string | number | null }>();
  const networkPartners = await em.getRepository(QuarterMembership).countBy({ quarterId, role: In([...NETWORK_PARTNER_ROLES]) });
  return {
    quarterId,
    years: rows.map((r) => ({ year: Number(r.year), events: Number(r.events), participants: Number(r.participants ?? 0) })),
    networkPartners,
  };
}

/**
 * Records the quarter's participation figures for the analysis service, which counts them
 * into the process indicators (`participation.figures_changed`), in the caller's transaction.
 */
export async function recordParticipationFigures(em: EntityManager, quarterId: string, cause: string): Promise<void> {
  // The figures are complete each time and the analysis service keeps the last ones, so two
  // writes for one quarter must not count at once: on PostgreSQL (read committed) each would miss
  // the other's uncommitted row and both would say the same total, one short (the production
  // profile's fault test found 223 of 224 counted). The quarter's row lock makes the second wait
  // and then count with the first committed. NO KEY UPDATE, not UPDATE: the writes already hold
  // KEY SHARE on the quarter through their foreign key, and UPDATE would deadlock against it.
  // SQLite writes one transaction at a time anyway.
  const quarters = em.getRepository(Quarter).createQueryBuilder('q').where('q.id = :quarterId', { quarterId });
  if (em.connection.options.type === 'postgres') quarters.setLock('for_no_key_update');
  const quarter = await quarters.getOneOrFail();
  const programme = await em.getRepository(Programme).findOneByOrFail({ id: quarter.programmeId });
  const { years, networkPartners } = await participationFigures(em, quarterId);
  await recordEvent(em, 'actors', {
    id: `participation:${quarterId}:${cause}`,
    type: 'participation.figures_changed',
    quarterId,
    payload: { programmeId: quarter.programmeId, catalogueVersionId: `${programme.catalogueId}@${programme.catalogueVersion}`, years, networkPartners, asOf: new Date().toISOString().slice(0, 10) },
  });
}
