import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  MEMBERSHIP_ROLES,
  type Actor,
  type AddMembershipCommand,
  type CreateOrganisationCommand,
  type FieldProblemInput,
  type ListQuery,
  type MembershipDto,
  type OrganisationDto,
  type Page,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, pageOf, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Person } from '../people/entities/person.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { requireRole } from '../scope/actor';
import { recordParticipationFigures } from '../participation/participation.service';
import { ScopeService } from '../scope/scope.service';
import { Organisation } from './entities/organisation.entity';
import { QuarterMembership } from './entities/quarter-membership.entity';

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return { id: o.id, name: o.name, type: o.type, ags: o.ags, programmeId: o.programmeId, createdAt: o.createdAt.toISOString() };
}

/**
 * Organisations and their memberships in quarters, which may name a person of the
 * organisation (people themselves: see PeopleService).
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(QuarterMembership) private readonly memberships: Repository<QuarterMembership>,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly programmes: ProgrammesService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, cmd: CreateOrganisationCommand): Promise<OrganisationDto> {
    requireRole(actor, ['programme_admin']);
    // A programme outside the actor's scope reads exactly like one that does not exist.
    if (!actor.programmeIds.includes(cmd.programmeId) || !(await this.programmes.exists(cmd.programmeId))) {
      throw invalidFields({ field: 'programmeId', code: 'programme.unknown', params: { id: cmd.programmeId } });
    }
    try {
      return await this.organisations.manager.transaction(async (em) => {
        const repo = em.getRepository(Organisation);
        const created = toOrganisationDto(await repo.save(repo.create({ id: randomUUID(), name: cmd.name.trim(), type: cmd.type, ags: cmd.ags ?? null, programmeId: cmd.programmeId })));
        await this.audit.recordChange(em, { action: 'organisation.create', resourceType: 'organisation', resourceId: created.id, programmeId: created.programmeId, before: null, after: created });
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw problem('organisation.already_registered', {}, [{ field: 'name', code: 'organisation.name_taken' }]);
      throw err;
    }
  }

  async get(actor: Actor, id: string): Promise<OrganisationDto> {
    await this.scope.requireVisible(actor, 'organisation', id);
    return toOrganisationDto(await this.organisations.findOneByOrFail({ id }));
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<OrganisationDto>> {
    const page = await pageOf(this.scope.restrictOrganisations(this.organisations.createQueryBuilder('o'), actor), query, {
      sortable: ['name', 'type', 'programmeId', 'createdAt'],
      filterable: ['type', 'programmeId', 'ags'],
      searchable: ['name'],
      defaultSort: { field: 'name', order: 'ASC' },
    });
    return { data: page.data.map(toOrganisationDto), total: page.total };
  }

  async addMembership(actor: Actor, quarterId: string, cmd: AddMembershipCommand): Promise<MembershipDto> {
    requireRole(actor, ['programme_admin']);
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    const organisationId = await this.organisationOfMembership(actor, cmd);
    try {
      return await this.memberships.manager.transaction(async (em) => {
        const repo = em.getRepository(QuarterMembership);
        const saved = await repo.save(repo.create({ id: randomUUID(), quarterId, organisationId, personId: cmd.personId ?? null, role: cmd.role }));
        // A network partner counts into the process indicators: the analysis hears of it.
        await recordParticipationFigures(em, quarterId, `membership:${saved.id}`);
        const created = await this.toMembershipDto(saved);
        await this.audit.recordChange(em, { action: 'membership.create', resourceType: 'membership', resourceId: created.id, quarterId, before: null, after: created });
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw problem('membership.exists', {}, [{ field: 'organisationId', code: 'membership.taking_part_already' }]);
      }
      throw err;
    }
  }

  /** The organisation that takes part: the one named, or the named person's; a person must belong to the organisation named with it. */
  private async organisationOfMembership(actor: Actor, cmd: AddMembershipCommand): Promise<string> {
    const problems: FieldProblemInput[] = [];
    let person: Person | null = null;
    if (cmd.personId) {
      person = (await this.scope.visible(actor, 'person', cmd.personId)).visible ? await this.people.findOneBy({ id: cmd.personId }) : null;
      if (!person) problems.push({ field: 'personId', code: 'person.unknown', params: { id: cmd.personId } });
    }
    if (cmd.organisationId) {
      if (!(await this.scope.visible(actor, 'organisation', cmd.organisationId)).visible) {
        problems.push({ field: 'organisationId', code: 'organisation.unknown', params: { id: cmd.organisationId } });
      } else if (person && person.organisationId !== cmd.organisationId) {
        problems.push({ field: 'personId', code: 'membership.person_not_in_organisation' });
      }
    } else if (!cmd.personId) {
      problems.push({ field: 'organisationId', code: 'membership.organisation_or_person' });
    }
    if (problems.length > 0) throw invalidFields(...problems);
    return cmd.organisationId ?? person!.organisationId;
  }

  async listMemberships(actor: Actor, quarterId: string): Promise<Page<MembershipDto>> {
    await this.scope.requireVisible(actor, 'quarter', quarterId);
    const rows = await this.memberships.find({ where: { quarterId } });
    const data = await Promise.all(rows.map((m) => this.toMembershipDto(m)));
    // Lead partner first, then co-partners...: the order of MEMBERSHIP_ROLES, then by name.
    data.sort((a, b) => MEMBERSHIP_ROLES.indexOf(a.role) - MEMBERSHIP_ROLES.indexOf(b.role) || a.organisationName.localeCompare(b.organisationName, 'de'));
    return { data, total: data.length };
  }

  private async toMembershipDto(m: QuarterMembership): Promise<MembershipDto> {
    const o = await this.organisations.findOneBy({ id: m.organisationId });
    const p = m.personId ? await this.people.findOneBy({ id: m.personId }) : null;
    return {
      id: m.id,
      quarterId: m.quarterId,
      organisationId: m.organisationId,
      organisationName: o?.name ?? '',
      personId: m.personId,
      personName: p?.name ?? null,
      role: m.role,
      createdAt: m.createdAt.toISOString(),
    };
  }
}
