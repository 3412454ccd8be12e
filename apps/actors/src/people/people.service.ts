import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Actor, CreatePersonCommand, FieldProblemInput, ListQuery, Page, PersonDto, PersonOfAccount, UpdatePersonCommand } from '@genq/contracts';
import { invalidFields, isUniqueViolation, pageOf, type AuditEntryInput } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Account } from '../identity/entities/account.entity';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { Person } from './entities/person.entity';

export function toPersonDto(p: Person): PersonDto {
  return {
    id: p.id,
    organisationId: p.organisationId,
    name: p.name,
    role: p.role,
    email: p.email,
    phone: p.phone,
    signingAuthority: p.signingAuthority,
    accountId: p.accountId,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Who writes people: as for organisations, the programme office (a partner cannot grant itself signing authority). */
export const PEOPLE_WRITERS = ['programme_admin'] as const;

const blankToNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

/**
 * People of organisations. Visibility follows their organisation: whoever sees the
 * organisation sees its people; nobody else learns they exist.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, cmd: CreatePersonCommand): Promise<PersonDto> {
    requireRole(actor, PEOPLE_WRITERS);
    await this.check(actor, cmd, null);
    return this.save(this.people.create({ id: randomUUID(), ...this.fields(cmd) }), (after) => ({
      action: 'person.create',
      resourceType: 'person',
      resourceId: after.id,
      before: null,
      after,
    }));
  }

  /** Replaces the editable fields; returns the person before and after, for the audit log. */
  async update(actor: Actor, id: string, cmd: UpdatePersonCommand): Promise<{ before: PersonDto; after: PersonDto }> {
    requireRole(actor, PEOPLE_WRITERS);
    await this.scope.requireVisible(actor, 'person', id);
    const person = await this.people.findOneByOrFail({ id });
    const before = toPersonDto(person);
    await this.check(actor, cmd, id);
    const after = await this.save(this.people.merge(person, this.fields(cmd)), (changed) => ({ action: 'person.update', resourceType: 'person', resourceId: id, before, after: changed }));
    return { before, after };
  }

  async get(actor: Actor, id: string): Promise<PersonDto> {
    await this.scope.requireVisible(actor, 'person', id);
    return toPersonDto(await this.people.findOneByOrFail({ id }));
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<PersonDto>> {
    const page = await pageOf(this.scope.restrictPeople(this.people.createQueryBuilder('p'), actor), query, {
      sortable: ['name', 'role', 'organisationId', 'signingAuthority', 'createdAt'],
      filterable: ['organisationId', 'signingAuthority', 'accountId'],
      searchable: ['name', 'role', 'email'],
      defaultSort: { field: 'name', order: 'ASC' },
    });
    return { data: page.data.map(toPersonDto), total: page.total };
  }

  /** Internal (the gateway's signer): the person an account is linked to, regardless of scope. */
  async ofAccount(accountId: string): Promise<PersonOfAccount> {
    const person = await this.people.findOneBy({ accountId });
    return { person: person ? toPersonDto(person) : null };
  }

  private fields(cmd: CreatePersonCommand) {
    return {
      organisationId: cmd.organisationId,
      name: cmd.name.trim(),
      role: blankToNull(cmd.role),
      email: blankToNull(cmd.email)?.toLowerCase() ?? null,
      phone: blankToNull(cmd.phone),
      signingAuthority: cmd.signingAuthority ?? false,
      accountId: cmd.accountId ?? null,
    };
  }

  /** Field problems as 400: an organisation or account outside the actor's scope reads as unknown. */
  private async check(actor: Actor, cmd: CreatePersonCommand, personId: string | null): Promise<void> {
    const problems: FieldProblemInput[] = [];
    if (!cmd.name?.trim()) problems.push({ field: 'name', code: 'validation.isNotEmpty' });
    if (!(await this.scope.visible(actor, 'organisation', cmd.organisationId)).visible) {
      problems.push({ field: 'organisationId', code: 'organisation.unknown', params: { id: cmd.organisationId } });
    }
    if (cmd.accountId) {
      const account = (await this.scope.visible(actor, 'account', cmd.accountId)).visible ? await this.accounts.findOneBy({ id: cmd.accountId }) : null;
      if (!account) problems.push({ field: 'accountId', code: 'account.unknown', params: { id: cmd.accountId } });
      // Signing for an organisation through someone else's account would be a way around the authority.
      else if (account.organisationId !== cmd.organisationId) problems.push({ field: 'accountId', code: 'person.account_other_organisation' });
      else {
        const linked = await this.people.findOneBy({ accountId: cmd.accountId });
        if (linked && linked.id !== personId) problems.push({ field: 'accountId', code: 'person.account_linked' });
      }
    }
    if (problems.length > 0) throw invalidFields(...problems);
  }

  /** Saves the person and records the change's audit entry in the same transaction. */
  private async save(person: Person, entry: (after: PersonDto) => AuditEntryInput): Promise<PersonDto> {
    try {
      return await this.people.manager.transaction(async (em) => {
        const after = toPersonDto(await em.getRepository(Person).save(person));
        await this.audit.recordChange(em, entry(after));
        return after;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw invalidFields({ field: 'accountId', code: 'person.account_linked' });
      throw err;
    }
  }
}
