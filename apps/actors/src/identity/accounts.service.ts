import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import {
  isProgrammeRole,
  type AccountDto,
  type Actor,
  type CreateAccountCommand,
  type FieldProblemCode,
  type FieldProblemInput,
  type ListQuery,
  type Page,
  type ProblemParams,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, pageOf, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { AccountProgramme } from './entities/account-programme.entity';
import { Account } from './entities/account.entity';
import { hashPassword } from './passwords';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function toAccountDto(a: Account, programmeIds: string[]): AccountDto {
  return {
    id: a.id,
    email: a.email,
    displayName: a.displayName,
    role: a.role,
    programmeIds: [...programmeIds].sort(),
    organisationId: a.organisationId,
    canSign: a.canSign,
    disabled: a.disabledAt !== null,
    lockedUntil: a.lockedUntil && a.lockedUntil.getTime() > Date.now() ? a.lockedUntil.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Accounts and their programme grants. Programme admins create accounts within their own scope only. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(AccountProgramme) private readonly grants: Repository<AccountProgramme>,
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async toDto(account: Account): Promise<AccountDto> {
    const grants = await this.grants.findBy({ accountId: account.id });
    return toAccountDto(account, grants.map((g) => g.programmeId));
  }

  async create(actor: Actor, cmd: CreateAccountCommand): Promise<AccountDto> {
    requireRole(actor, ['programme_admin']);
    const programmeIds = [...new Set(cmd.programmeIds ?? [])];
    // One problem per field, the last found winning: an unknown record says more than a role's rule.
    const problems = new Map<string, FieldProblemInput>();
    const refuse = (field: string, code: FieldProblemCode, params?: ProblemParams) => problems.set(field, { field, code, ...(params ? { params } : {}) });
    const role = { role: cmd.role };
    if (isProgrammeRole(cmd.role)) {
      if (programmeIds.length === 0) refuse('programmeIds', 'account.programme_required', role);
      if (cmd.organisationId) refuse('organisationId', 'account.organisation_not_allowed', role);
      if (cmd.canSign) refuse('canSign', 'account.signing_not_allowed');
    } else {
      if (!cmd.organisationId) refuse('organisationId', 'account.organisation_required', role);
      if (programmeIds.length > 0) refuse('programmeIds', 'account.programmes_not_allowed', role);
    }
    // An admin hands out only what it holds; anything else reads as unknown, not as forbidden.
    const foreign = programmeIds.find((p) => !actor.programmeIds.includes(p));
    if (foreign !== undefined) refuse('programmeIds', 'programme.unknown', { id: foreign });
    if (cmd.organisationId && !(await this.scope.visible(actor, 'organisation', cmd.organisationId)).visible) {
      refuse('organisationId', 'organisation.unknown', { id: cmd.organisationId });
    }
    if (problems.size > 0) throw invalidFields(...problems.values());

    const passwordHash = await hashPassword(cmd.password);
    try {
      const account = await this.dataSource.transaction(async (m) => {
        const saved = await m.save(
          m.create(Account, {
            id: randomUUID(),
            email: normaliseEmail(cmd.email),
            displayName: cmd.displayName.trim(),
            passwordHash,
            role: cmd.role,
            organisationId: cmd.organisationId ?? null,
            canSign: cmd.canSign ?? false,
            failedLogins: 0,
            lockedUntil: null,
            disabledAt: null,
          }),
        );
        for (const programmeId of programmeIds) await this.grantProgramme(saved.id, programmeId, m);
        const created = toAccountDto(saved, programmeIds);
        // Filed under the programme of the account's first grant or of its organisation.
        const programmeId = programmeIds[0] ?? (saved.organisationId ? ((await m.findOneBy(Organisation, { id: saved.organisationId }))?.programmeId ?? null) : null);
        await this.audit.recordChange(m, { action: 'account.create', resourceType: 'account', resourceId: created.id, programmeId, before: null, after: created });
        return created;
      });
      return account;
    } catch (err) {
      if (isUniqueViolation(err)) throw problem('account.exists', {}, [{ field: 'email', code: 'account.email_taken' }]);
      throw err;
    }
  }

  async grantProgramme(accountId: string, programmeId: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AccountProgramme) : this.grants;
    if (await repo.existsBy({ accountId, programmeId })) return;
    await repo.insert({ accountId, programmeId });
  }

  async get(actor: Actor, id: string): Promise<AccountDto> {
    await this.scope.requireVisible(actor, 'account', id);
    return this.toDto(await this.accounts.findOneByOrFail({ id }));
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<AccountDto>> {
    const page = await pageOf(this.scope.restrictAccounts(this.accounts.createQueryBuilder('a'), actor), query, {
      sortable: ['email', 'displayName', 'role', 'createdAt'],
      filterable: ['role', 'organisationId', 'canSign'],
      searchable: ['email', 'displayName'],
      defaultSort: { field: 'email', order: 'ASC' },
    });
    const grants = page.data.length ? await this.grants.findBy({ accountId: In(page.data.map((a) => a.id)) }) : [];
    return {
      data: page.data.map((a) => toAccountDto(a, grants.filter((g) => g.accountId === a.id).map((g) => g.programmeId))),
      total: page.total,
    };
  }
}
