import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import type {
  Actor,
  ActorsDeliverables,
  FieldProblemCode,
  FieldProblemInput,
  KickoffPerson,
  KickoffRecordDto,
  ProblemParams,
  RecordKickoffCommand,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, problem, recordEvent } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { Person } from '../people/entities/person.entity';
import { PARTICIPATION_WRITERS } from '../participation/participation.service';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { isCalendarDate, today } from '../participation/calendar-date';
import { ParticipationRecord } from '../participation/entities/participation-record.entity';
import { KickoffRecord } from './entities/kickoff-record.entity';

/**
 * The kick-off (Auftakt, step 1): the team and the declaration of participation. Recording it
 * names the leads for their organisations in the quarter, makes the facilitator's
 * organisation take part as facilitator, and records `kickoff.recorded` for the process, all
 * in one transaction.
 */
@Injectable()
export class KickoffService {
  constructor(
    @InjectRepository(KickoffRecord) private readonly records: Repository<KickoffRecord>,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, quarterId: string, cmd: RecordKickoffCommand): Promise<KickoffRecordDto> {
    requireRole(actor, PARTICIPATION_WRITERS);
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    try {
      return await this.records.manager.transaction(async (em) => {
        if (await em.getRepository(KickoffRecord).existsBy({ quarterId })) {
          throw problem('kickoff.already_recorded');
        }
        const people = await this.team(em, actor, quarterId, cmd);
        const saved = await em.getRepository(KickoffRecord).save(
          em.getRepository(KickoffRecord).create({
            quarterId,
            date: cmd.date,
            housingCompanyLeadId: cmd.housingCompanyLeadId,
            municipalityLeadId: cmd.municipalityLeadId,
            facilitatorId: cmd.facilitatorId,
            declarationSignedOn: cmd.declarationSignedOn,
            notes: cmd.notes?.trim() || null,
            recordedBy: actor.userId,
          }),
        );
        await recordEvent(em, 'actors', { id: `kickoff:${quarterId}`, type: 'kickoff.recorded', quarterId, payload: { date: cmd.date } });
        const record = toKickoffDto(saved, people);
        await this.audit.recordChange(em, { action: 'kickoff.record', resourceType: 'quarter', resourceId: quarterId, quarterId, before: null, after: record });
        return record;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw problem('kickoff.already_recorded');
      throw err;
    }
  }

  /** For the consistency check (no user): which deliverables of the actors service the quarter has. */
  async deliverables(quarterId: string): Promise<ActorsDeliverables> {
    const em = this.records.manager;
    return { kickoffRecorded: await em.getRepository(KickoffRecord).existsBy({ quarterId }), participationClosed: await em.getRepository(ParticipationRecord).existsBy({ quarterId }) };
  }

  async get(actor: Actor, quarterId: string): Promise<KickoffRecordDto | null> {
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    const record = await this.records.findOneBy({ quarterId });
    if (!record) return null;
    return toKickoffDto(record, await peopleOf(this.records.manager, [record.housingCompanyLeadId, record.municipalityLeadId, record.facilitatorId]));
  }

  /**
   * Checks the team (every problem at once) and writes it into the quarter's memberships:
   * each lead's organisation must take part already and gets the lead as its named person
   * (unless one is named);
   * the facilitator's organisation takes part as facilitator (added if it does not yet).
   */
  private async team(em: EntityManager, actor: Actor, quarterId: string, cmd: RecordKickoffCommand): Promise<Map<string, KickoffPerson>> {
    const problems = new Map<string, FieldProblemInput>();
    const refuse = (field: string, code: FieldProblemCode, params?: ProblemParams) => problems.set(field, { field, code, ...(params ? { params } : {}) });
    for (const field of ['date', 'declarationSignedOn'] as const) {
      if (!isCalendarDate(cmd[field])) refuse(field, 'validation.isDateString');
      else if (cmd[field] > today()) refuse(field, 'date.in_future');
    }
    const ids = { housingCompanyLeadId: cmd.housingCompanyLeadId, municipalityLeadId: cmd.municipalityLeadId, facilitatorId: cmd.facilitatorId };
    const people = await peopleOf(em, Object.values(ids));
    const memberships = await em.getRepository(QuarterMembership).findBy({ quarterId });
    const membershipOf = (organisationId: string) => memberships.find((m) => m.organisationId === organisationId);
    for (const [field, id] of Object.entries(ids)) {
      const person = people.get(id);
      if (!person || !(await this.scope.visible(actor, 'person', id)).visible) refuse(field, 'person.unknown', { id });
      else if (field !== 'facilitatorId' && !membershipOf(person.organisationId)) {
        refuse(field, 'kickoff.lead_not_taking_part', { name: person.name, organisation: person.organisationName });
      }
    }
    const company = people.get(cmd.housingCompanyLeadId);
    const municipality = people.get(cmd.municipalityLeadId);
    if (!problems.has('municipalityLeadId') && company && municipality && company.organisationId === municipality.organisationId) {
      refuse('municipalityLeadId', 'kickoff.leads_same_organisation');
    }
    if (problems.size > 0) throw invalidFields(...problems.values());

    const repo = em.getRepository(QuarterMembership);
    for (const lead of [company!, municipality!]) {
      const m = membershipOf(lead.organisationId)!;
      // A person named for the organisation before stays its contact; the lead becomes it only where none is.
      if (!m.personId) await repo.update({ id: m.id }, { personId: lead.personId });
    }
    const facilitator = people.get(cmd.facilitatorId)!;
    const existing = membershipOf(facilitator.organisationId);
    if (!existing) {
      await repo.save(repo.create({ id: randomUUID(), quarterId, organisationId: facilitator.organisationId, personId: facilitator.personId, role: 'facilitator' }));
    } else if (!existing.personId) {
      await repo.update({ id: existing.id }, { personId: facilitator.personId });
    }
    return people;
  }
}

async function peopleOf(em: EntityManager, ids: string[]): Promise<Map<string, KickoffPerson>> {
  const people = await em.getRepository(Person).findBy({ id: In(ids) });
  const organisations = await em.getRepository(Organisation).findBy({ id: In(people.map((p) => p.organisationId)) });
  return new Map(
    people.map((p) => [
      p.id,
      { personId: p.id, name: p.name, organisationId: p.organisationId, organisationName: organisations.find((o) => o.id === p.organisationId)?.name ?? '' },
    ]),
  );
}

function toKickoffDto(r: KickoffRecord, people: Map<string, KickoffPerson>): KickoffRecordDto {
  const person = (id: string): KickoffPerson => people.get(id) ?? { personId: id, name: '', organisationId: '', organisationName: '' };
  return {
    quarterId: r.quarterId,
    date: r.date,
    housingCompanyLead: person(r.housingCompanyLeadId),
    municipalityLead: person(r.municipalityLeadId),
    facilitator: person(r.facilitatorId),
    declarationSignedOn: r.declarationSignedOn,
    notes: r.notes,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}
