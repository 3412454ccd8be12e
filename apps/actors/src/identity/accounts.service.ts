import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager, type Repository } from 'typeorm';
import {
  isProgrammeRole,
  type AccountDto,
  type Actor,
  type CreateAccountCommand,
  type FieldProblemCode,
  type FieldProblemInput,
  type ListQuery,
  type Page,
  type PasswordResetDto,
  type ProblemParams,
  type UpdateAccountCommand,
} from '@genq/contracts';
import { invalidFields, isUniqueViolation, pageOf, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { AccountProgramme } from './entities/account-programme.entity';
import { Session } from './entities/session.entity';
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

  /**
   * The field problems of an account's role, programmes, organisation and signing authority
   * (creation and change alike). `given` are the programmes the admin names: an admin hands
   * out only what it holds, anything else reads as unknown, not as forbidden.
   */
  private async roleProblems(
    actor: Actor,
    a: { role: AccountDto['role']; programmeIds: string[]; organisationId: string | null; canSign: boolean },
    given: string[],
    organisationGiven: boolean,
  ): Promise<FieldProblemInput[]> {
    // One problem per field, the last found winning: an unknown record says more than a role's rule.
    const problems = new Map<string, FieldProblemInput>();
    const refuse = (field: string, code: FieldProblemCode, params?: ProblemParams) => problems.set(field, { field, code, ...(params ? { params } : {}) });
    const role = { role: a.role };
    if (isProgrammeRole(a.role)) {
      if (a.programmeIds.length === 0) refuse('programmeIds', 'account.programme_required', role);
      if (a.organisationId) refuse('organisationId', 'account.organisation_not_allowed', role);
      if (a.canSign) refuse('canSign', 'account.signing_not_allowed');
    } else {
      if (!a.organisationId) refuse('organisationId', 'account.organisation_required', role);
      if (a.programmeIds.length > 0) refuse('programmeIds', 'account.programmes_not_allowed', role);
    }
    const foreign = given.find((p) => !actor.programmeIds.includes(p));
    if (foreign !== undefined) refuse('programmeIds', 'programme.unknown', { id: foreign });
    if (organisationGiven && a.organisationId && !(await this.scope.visible(actor, 'organisation', a.organisationId)).visible) {
      refuse('organisationId', 'organisation.unknown', { id: a.organisationId });
    }
    return [...problems.values()];
  }

  async create(actor: Actor, cmd: CreateAccountCommand): Promise<AccountDto> {
    requireRole(actor, ['programme_admin']);
    const programmeIds = [...new Set(cmd.programmeIds ?? [])];
    const problems = await this.roleProblems(
      actor,
      { role: cmd.role, programmeIds, organisationId: cmd.organisationId ?? null, canSign: cmd.canSign ?? false },
      programmeIds,
      true,
    );
    if (problems.length > 0) throw invalidFields(...problems);

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

  /**
   * A programme admin's change of an account (role, programmes, organisation, signing
   * authority, name, deactivation), audited with the account before and after. Your own role,
   * programmes and organisation stay (you would lock yourself out), and your own account stays
   * active. Deactivating ends every session of the account at once.
   */
  async update(actor: Actor, id: string, cmd: UpdateAccountCommand): Promise<AccountDto> {
    requireRole(actor, ['programme_admin']);
    await this.scope.requireVisible(actor, 'account', id);
    const account = await this.accounts.findOneByOrFail({ id });
    const held = (await this.grants.findBy({ accountId: id })).map((g) => g.programmeId);
    const before = toAccountDto(account, held);
    const self = id === actor.userId;
    if (self && cmd.disabled === true) throw problem('account.self_deactivate');
    const role = cmd.role ?? account.role;
    const programmesGiven = cmd.programmeIds !== undefined;
    const given = [...new Set(cmd.programmeIds ?? [])];
    // Grants of programmes outside the admin's own stay: it can neither see nor take them away.
    const programmeIds = programmesGiven ? [...new Set([...held.filter((p) => !actor.programmeIds.includes(p)), ...given])].sort() : held;
    const organisationId = cmd.organisationId !== undefined ? cmd.organisationId : account.organisationId;
    const canSign = cmd.canSign ?? account.canSign;
    if (self && (role !== account.role || programmeIds.join() !== [...held].sort().join() || organisationId !== account.organisationId)) {
      throw problem('account.self_role');
    }
    const problems = await this.roleProblems(actor, { role, programmeIds, organisationId, canSign }, given, cmd.organisationId !== undefined && cmd.organisationId !== account.organisationId);
    if (problems.length > 0) throw invalidFields(...problems);

    return this.dataSource.transaction(async (m) => {
      const disabling = cmd.disabled === true && account.disabledAt === null;
      const enabling = cmd.disabled === false && account.disabledAt !== null;
      account.role = role;
      account.organisationId = organisationId;
      account.canSign = canSign;
      if (cmd.displayName !== undefined) account.displayName = cmd.displayName.trim();
      if (disabling) account.disabledAt = new Date();
      if (enabling) {
        account.disabledAt = null;
        account.failedLogins = 0;
        account.lockedUntil = null;
      }
      const saved = await m.save(account);
      if (programmesGiven) {
        await m.delete(AccountProgramme, { accountId: id });
        for (const programmeId of programmeIds) await this.grantProgramme(id, programmeId, m);
      }
      // A deactivated account is out at once, not when its access token expires.
      if (disabling) await m.update(Session, { accountId: id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: 'account_disabled' });
      const after = toAccountDto(saved, programmeIds);
      const action = disabling ? 'account.deactivate' : enabling ? 'account.reactivate' : 'account.update';
      const programmeId = programmeIds[0] ?? (await this.programmeOfOrganisation(m, organisationId));
      await this.audit.recordChange(m, { action, resourceType: 'account', resourceId: id, programmeId, before, after });
      return after;
    });
  }

  /**
   * A new one-time password for an account, shown once to the admin who passes it on; only
   * its hash is kept. Every session of the account ends and a lockout is lifted. Audited
   * without the password.
   */
  async resetPassword(actor: Actor, id: string): Promise<PasswordResetDto> {
    requireRole(actor, ['programme_admin']);
    await this.scope.requireVisible(actor, 'account', id);
    const account = await this.accounts.findOneByOrFail({ id });
    if (account.passwordHash === null) throw problem('account.external_sign_in');
    // 18 random bytes: 24 characters of base64url, well above the minimum length of a password.
    const password = randomBytes(18).toString('base64url');
    const passwordHash = await hashPassword(password);
    const held = (await this.grants.findBy({ accountId: id })).map((g) => g.programmeId);
    const dto = await this.dataSource.transaction(async (m) => {
      account.passwordHash = passwordHash;
      account.failedLogins = 0;
      account.lockedUntil = null;
      const saved = await m.save(account);
      await m.update(Session, { accountId: id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: 'password_reset' });
      const after = toAccountDto(saved, held);
      const programmeId = held[0] ?? (await this.programmeOfOrganisation(m, saved.organisationId));
      await this.audit.recordChange(m, { action: 'account.reset_password', resourceType: 'account', resourceId: id, programmeId, before: null, after });
      return after;
    });
    return { account: dto, password };
  }

  private async programmeOfOrganisation(m: EntityManager, organisationId: string | null): Promise<string | null> {
    return organisationId ? ((await m.findOneBy(Organisation, { id: organisationId }))?.programmeId ?? null) : null;
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
