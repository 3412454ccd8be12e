import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import {
  MEMBERSHIP_ROLES,
  type Actor,
  type AddMembershipCommand,
  type CreateOrganisationCommand,
  type FieldProblemInput,
  type ListQuery,
  type MembershipDto,
  type MergeOrganisationCommand,
  type OrganisationDto,
  type OrganisationMergeResult,
  type Page,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, pageOf, problem, recordEvent } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Account } from '../identity/entities/account.entity';
import { Person } from '../people/entities/person.entity';
import { Quarter } from '../quarters/entities/quarter.entity';
import { naturalKeyOf } from '../quarters/quarters.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { requireRole } from '../scope/actor';
import { recordParticipationFigures } from '../participation/participation.service';
import { ScopeService } from '../scope/scope.service';
import { Organisation } from './entities/organisation.entity';
import { QuarterMembership } from './entities/quarter-membership.entity';
import { linkQuartersNaming, organisationNameKey, quarterColumnsOf, quartersNamingWithoutId } from './organisation-names';

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
    // One organisation written two ways ("DOGEWO21", "Dogewo21 ") is the duplicate this refuses.
    if (await this.organisations.exists({ where: { programmeId: cmd.programmeId, nameKey: organisationNameKey(cmd.name) } })) {
      throw problem('organisation.already_registered', {}, [{ field: 'name', code: 'organisation.name_taken' }]);
    }
    try {
      return await this.organisations.manager.transaction(async (em) => {
        const repo = em.getRepository(Organisation);
        const saved = await repo.save(repo.create({ id: randomUUID(), name: cmd.name.trim(), type: cmd.type, ags: cmd.ags ?? null, programmeId: cmd.programmeId }));
        // Quarters registered under its name before it was (their id still null) name it from now on.
        await linkQuartersNaming(em, saved);
        const created = toOrganisationDto(saved);
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

  /**
   * Merges the duplicate `id` into `cmd.into`, in one transaction: its memberships (a quarter
   * both take part in keeps the kept one's, with the duplicate's person if it named none), its
   * people and accounts move to the kept organisation, quarters that hold it as municipality or
   * housing company hold and name the kept one, and the duplicate is removed. Records
   * `organisation.merged` and the audit entry with the reason alongside.
   */
  async merge(actor: Actor, id: string, cmd: MergeOrganisationCommand): Promise<OrganisationMergeResult> {
    requireRole(actor, ['programme_admin']);
    if (id === cmd.into) throw problem('organisation.merge_into_itself', {});
    await this.scope.requireVisible(actor, 'organisation', id);
    if (!(await this.scope.visible(actor, 'organisation', cmd.into)).visible) {
      throw invalidFields({ field: 'into', code: 'organisation.unknown', params: { id: cmd.into } });
    }
    return this.organisations.manager.transaction(async (em) => {
      const organisations = em.getRepository(Organisation);
      // Both rows locked, in id order: two merges of the same pair at once run one after the
      // other, and the second finds its duplicate (or the one to keep) gone instead of both going.
      const rows = organisations.createQueryBuilder('o').where('o.id IN (:...ids)', { ids: [id, cmd.into] }).orderBy('o.id', 'ASC');
      if (em.connection.options.type === 'postgres') rows.setLock('pessimistic_write');
      const locked = await rows.getMany();
      const duplicate = locked.find((o) => o.id === id);
      const kept = locked.find((o) => o.id === cmd.into);
      if (!duplicate) throw problem('organisation.not_found', { id });
      if (!kept) throw invalidFields({ field: 'into', code: 'organisation.unknown', params: { id: cmd.into } });
      if (duplicate.type !== kept.type) throw problem('organisation.merge_other_kind', { type: duplicate.type, intoType: kept.type });
      if (duplicate.programmeId !== kept.programmeId) throw problem('organisation.merge_other_programme', {});
      const touched = new Set<string>();

      const memberships = em.getRepository(QuarterMembership);
      const keptIn = new Map((await memberships.findBy({ organisationId: kept.id })).map((m) => [m.quarterId, m]));
      let movedMemberships = 0;
      const lessPartners: string[] = [];
      for (const m of await memberships.findBy({ organisationId: duplicate.id })) {
        touched.add(m.quarterId);
        const there = keptIn.get(m.quarterId);
        if (there) {
          if (!there.personId && m.personId) await memberships.update({ id: there.id }, { personId: m.personId });
          await memberships.delete({ id: m.id });
          lessPartners.push(m.quarterId);
        } else {
          await memberships.update({ id: m.id }, { organisationId: kept.id });
          movedMemberships += 1;
        }
      }
      // One network partner fewer where both took part: the analysis hears the new count.
      for (const quarterId of lessPartners) await recordParticipationFigures(em, quarterId, `organisation-merge:${duplicate.id}`);

      const people = (await em.getRepository(Person).update({ organisationId: duplicate.id }, { organisationId: kept.id })).affected ?? 0;
      const accounts = (await em.getRepository(Account).update({ organisationId: duplicate.id }, { organisationId: kept.id })).affected ?? 0;
      const quarters = await this.renameInQuarters(em, duplicate, kept, touched);

      const merged = toOrganisationDto(duplicate);
      const organisation = toOrganisationDto(kept);
      await organisations.delete({ id: duplicate.id });
      const result: OrganisationMergeResult = { organisation, merged, moved: { memberships: movedMemberships, people, accounts, quarters } };
      await recordEvent(em, 'actors', {
        id: `organisation-merged:${duplicate.id}`,
        type: 'organisation.merged',
        quarterId: '',
        payload: { organisationId: duplicate.id, intoId: kept.id, programmeId: kept.programmeId, quarterIds: [...touched].sort() },
      });
      await this.audit.recordChange(em, {
        action: 'organisation.merge',
        resourceType: 'organisation',
        resourceId: kept.id,
        programmeId: kept.programmeId,
        reason: cmd.reason.trim(),
        before: { organisation, merged },
        after: result,
      });
      return result;
    });
  }

  /**
   * Quarters that hold the duplicate as their municipality or housing company (its id, or, with
   * no id of that kind, its name in any case or spacing) hold and name the kept organisation. A
   * quarter's key holds its municipality: a quarter that would then repeat another's key is
   * refused, the whole merge with it.
   */
  private async renameInQuarters(em: EntityManager, duplicate: Organisation, kept: Organisation, touched: Set<string>): Promise<number> {
    const columns = quarterColumnsOf(duplicate.type);
    if (!columns) return 0;
    const repo = em.getRepository(Quarter);
    const holding = await repo.find({
      select: { id: true, name: true, municipality: true, housingCompany: true, programmeId: true },
      where: { [columns.id]: duplicate.id, programmeId: duplicate.programmeId },
    });
    const named = [...holding, ...(await quartersNamingWithoutId(em, duplicate))];
    for (const q of named) {
      const patch: Partial<Quarter> = { [columns.name]: kept.name, [columns.id]: kept.id };
      if (columns.name === 'municipality') {
        patch.naturalKey = naturalKeyOf({ programmeId: q.programmeId, municipality: kept.name, name: q.name });
        const clash = await repo.findOneBy({ naturalKey: patch.naturalKey });
        if (clash && clash.id !== q.id) throw problem('organisation.merge_quarter_clash', { name: q.name, municipality: kept.name });
      }
      await repo.update({ id: q.id }, patch);
      touched.add(q.id);
    }
    return named.length;
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
