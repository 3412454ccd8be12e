import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { isProgrammeRole, type Actor, type ScopeKind, type Visibility } from '@genq/contracts';
import { problem } from '@genq/service-kit';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { AccountProgramme } from '../identity/entities/account-programme.entity';
import { Account } from '../identity/entities/account.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { Person } from '../people/entities/person.entity';
import { Programme } from '../programmes/entities/programme.entity';
import { Quarter } from '../quarters/entities/quarter.entity';

/**
 * What a user may see, decided in one place and applied in SQL, so a list never loads
 * rows it then has to hide, and a page's total counts only what the user may see.
 *
 * - programme_admin, operator, viewer: everything filed under their programmes;
 * - partner, facilitator: the quarters their organisation is a member of, the programmes
 *   of those quarters, their own organisation and the organisations they share a quarter with.
 *
 * Every `restrict*` adds one AND condition with its own parameter names (`scope_*`), so it
 * combines with the react-admin filters of `pageOf`.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** Restricts rows whose `column` holds a quarter id (e.g. `q.id`, `n.quarterId`) to the actor's quarters. */
  restrictToQuarters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, actor: Actor): SelectQueryBuilder<T> {
    if (isProgrammeRole(actor.role)) {
      const quarters = qb.subQuery().select('sq.id').from(Quarter, 'sq').where('sq.programmeId IN (:...scope_programmes)').getQuery();
      return this.withProgrammes(qb, actor, `${column} IN ${quarters}`);
    }
    if (!actor.organisationId) return qb.andWhere('1 = 0');
    return qb.andWhere(`${column} IN ${this.quartersOfOrganisation(qb)}`, { scope_organisation: actor.organisationId });
  }

  /** Quarters: by programme for programme roles, by membership for partners and facilitators. */
  restrictQuarters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const a = qb.alias;
    if (isProgrammeRole(actor.role)) return this.withProgrammes(qb, actor, `${a}.programmeId IN (:...scope_programmes)`);
    return this.restrictToQuarters(qb, `${a}.id`, actor);
  }

  restrictProgrammes<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const a = qb.alias;
    if (isProgrammeRole(actor.role)) return this.withProgrammes(qb, actor, `${a}.id IN (:...scope_programmes)`);
    if (!actor.organisationId) return qb.andWhere('1 = 0');
    const programmes = qb
      .subQuery()
      .select('pq.programmeId')
      .from(Quarter, 'pq')
      .where(`pq.id IN ${this.quartersOfOrganisation(qb)}`)
      .getQuery();
    return qb.andWhere(`${a}.id IN ${programmes}`, { scope_organisation: actor.organisationId });
  }

  restrictOrganisations<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const a = qb.alias;
    if (isProgrammeRole(actor.role)) {
      // Registered in one of their programmes, or taking part in a quarter of one.
      const members = qb
        .subQuery()
        .select('om.organisationId')
        .from(QuarterMembership, 'om')
        .innerJoin(Quarter, 'oq', 'oq.id = om.quarterId')
        .where('oq.programmeId IN (:...scope_programmes)')
        .getQuery();
      return this.withProgrammes(qb, actor, `(${a}.programmeId IN (:...scope_programmes) OR ${a}.id IN ${members})`);
    }
    if (!actor.organisationId) return qb.andWhere('1 = 0');
    // Their own organisation, and those they share a quarter with.
    const partners = qb
      .subQuery()
      .select('pm.organisationId')
      .from(QuarterMembership, 'pm')
      .where(`pm.quarterId IN ${this.quartersOfOrganisation(qb)}`)
      .getQuery();
    return qb.andWhere(`(${a}.id = :scope_organisation OR ${a}.id IN ${partners})`, { scope_organisation: actor.organisationId });
  }

  /** People: those of the organisations the actor sees (see {@link restrictOrganisations}). */
  restrictPeople<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const organisations = this.restrictOrganisations(qb.subQuery().select('po.id').from(Organisation, 'po'), actor);
    // An actor who sees no organisation at all got `1 = 0` and no parameters.
    return qb.andWhere(`${qb.alias}.organisationId IN ${organisations.getQuery()}`, organisations.getParameters());
  }

  /** Accounts: one's own; for programme roles also those granted one of their programmes or belonging to one of their organisations. */
  restrictAccounts<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    const a = qb.alias;
    if (!isProgrammeRole(actor.role) || actor.programmeIds.length === 0) {
      return qb.andWhere(`${a}.id = :scope_self`, { scope_self: actor.userId });
    }
    const granted = qb
      .subQuery()
      .select('ap.accountId')
      .from(AccountProgramme, 'ap')
      .where('ap.programmeId IN (:...scope_programmes)')
      .getQuery();
    const organisations = this.restrictOrganisations(qb.subQuery().select('ao.id').from(Organisation, 'ao'), actor).getQuery();
    return qb.andWhere(`(${a}.id = :scope_self OR ${a}.id IN ${granted} OR ${a}.organisationId IN ${organisations})`, {
      scope_self: actor.userId,
      scope_programmes: actor.programmeIds,
    });
  }

  /** Audit entries: those filed under the actor's programmes (programme roles only). */
  restrictAuditEntries<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
    if (!isProgrammeRole(actor.role)) return qb.andWhere('1 = 0');
    return this.withProgrammes(qb, actor, `${qb.alias}.programmeId IN (:...scope_programmes)`);
  }

  /** Whether one record exists and lies in the actor's scope, and which programme and quarter it belongs to. */
  async visible(actor: Actor, kind: ScopeKind, id: string): Promise<Visibility> {
    const m = this.dataSource.manager;
    switch (kind) {
      case 'quarter': {
        const qb = m.createQueryBuilder(Quarter, 'q').where('q.id = :id', { id });
        const row = await this.restrictQuarters(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: row.programmeId, quarterId: row.id };
        return { visible: false, exists: await qb.getExists() };
      }
      case 'programme': {
        const qb = m.createQueryBuilder(Programme, 'p').where('p.id = :id', { id });
        const row = await this.restrictProgrammes(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: row.id, quarterId: null };
        return { visible: false, exists: await qb.getExists() };
      }
      case 'organisation': {
        const qb = m.createQueryBuilder(Organisation, 'o').where('o.id = :id', { id });
        const row = await this.restrictOrganisations(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: row.programmeId, quarterId: null };
        return { visible: false, exists: await qb.getExists() };
      }
      case 'person': {
        const qb = m.createQueryBuilder(Person, 'pp').where('pp.id = :id', { id });
        const row = await this.restrictPeople(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: (await m.findOneBy(Organisation, { id: row.organisationId }))?.programmeId ?? null, quarterId: null };
        return { visible: false, exists: await qb.getExists() };
      }
      case 'account': {
        const qb = m.createQueryBuilder(Account, 'a').where('a.id = :id', { id });
        const row = await this.restrictAccounts(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: await this.programmeOfAccount(row), quarterId: null };
        return { visible: false, exists: await qb.getExists() };
      }
      case 'audit_entry': {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n < 1) return { visible: false, exists: false };
        const qb = m.createQueryBuilder(AuditEntry, 'e').where('e.id = :id', { id: n });
        const row = await this.restrictAuditEntries(qb.clone(), actor).getOne();
        if (row) return { visible: true, exists: true, programmeId: row.programmeId, quarterId: row.quarterId };
        return { visible: false, exists: await qb.getExists() };
      }
      default:
        throw problem('scope.unknown_kind', { kind: String(kind) });
    }
  }

  /** Answers 404 unless the record is visible: outside their scope a user learns nothing, not even that it exists. */
  async requireVisible(actor: Actor, kind: ScopeKind, id: string): Promise<Visibility> {
    const v = await this.visible(actor, kind, id);
    if (!v.visible) throw problem(`${kind}.not_found`, { id });
    return v;
  }

  /** The programme an account's changes are filed under in the audit log: its first grant, or its organisation's. */
  async programmeOfAccount(account: Pick<Account, 'id' | 'organisationId'>): Promise<string | null> {
    const grant = await this.dataSource.manager.findOne(AccountProgramme, { where: { accountId: account.id }, order: { programmeId: 'ASC' } });
    if (grant) return grant.programmeId;
    if (!account.organisationId) return null;
    const org = await this.dataSource.manager.findOneBy(Organisation, { id: account.organisationId });
    return org?.programmeId ?? null;
  }

  private quartersOfOrganisation<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string {
    return qb.subQuery().select('sm.quarterId').from(QuarterMembership, 'sm').where('sm.organisationId = :scope_organisation').getQuery();
  }

  /** `IN ()` is invalid SQL: an actor without programmes sees nothing. */
  private withProgrammes<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, condition: string): SelectQueryBuilder<T> {
    if (actor.programmeIds.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(condition, { scope_programmes: actor.programmeIds });
  }
}
