import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import type { AccountDto, LoginCommand, ResolveExternalPrincipalQuery, ResolvePrincipalQuery, SessionIssued } from '@genq/contracts';
import { isUniqueViolation, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Programme } from '../programmes/entities/programme.entity';
import { ScopeService } from '../scope/scope.service';
import { AccountsService, normaliseEmail } from './accounts.service';
import { Account } from './entities/account.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { Session } from './entities/session.entity';
import type { IdentityConfig } from './identity.config';
import { hashPassword, verifyNothing, verifyPassword } from './passwords';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

/** One message for every failed login: it must not tell a wrong password from an unknown, locked or disabled account. */
const invalidLogin = () => problem('auth.invalid_credentials');
const invalidSession = () => problem('auth.session_ended');

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
const secondsFrom = (from: Date, seconds: number): Date => new Date(from.getTime() + seconds * 1000);

/**
 * Logins, sessions and refresh tokens. The gateway signs short-lived access tokens for the
 * sessions opened here and asks on every request whether the session still holds, so a
 * logout or a revoked session takes effect at once, not when the access token expires.
 */
@Injectable()
export class IdentityService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accountsService: AccountsService,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly dataSource: DataSource,
  ) {}

  /** Creates the first programme admin when there is no account at all (a fresh installation). */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.accounts.count()) > 0) return;
    try {
      const account = await this.accounts.save(
        this.accounts.create({
          id: randomUUID(),
          email: normaliseEmail(admin.email),
          displayName: admin.displayName,
          passwordHash: await hashPassword(admin.password),
          role: 'programme_admin',
          organisationId: null,
          canSign: false,
          failedLogins: 0,
          lockedUntil: null,
          disabledAt: null,
        }),
      );
      // An installation upgraded from before accounts existed has programmes nobody runs yet:
      // the first admin gets them all (a fresh installation has none).
      const programmes = await this.dataSource.getRepository(Programme).find({ select: { id: true } });
      for (const p of programmes) await this.accountsService.grantProgramme(account.id, p.id);
      await this.audit.record({
        actor: { userId: null, email: null, role: 'system' },
        action: 'account.bootstrap',
        resourceType: 'account',
        resourceId: account.id,
        reason: 'first programme admin of a new installation',
        before: null,
        after: await this.accountsService.toDto(account),
      });
      // By id: logs carry no personal data (docs/operations.md, Observability).
      this.logger.log(`created the first programme admin (account ${account.id})`);
    } catch (err) {
      // Another instance created it at the same moment.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  async login(cmd: LoginCommand): Promise<SessionIssued> {
    const account = await this.accounts.findOneBy({ email: normaliseEmail(cmd.email) });
    const now = new Date();
    if (!account || !account.passwordHash || account.disabledAt) {
      await verifyNothing(cmd.password);
      throw invalidLogin();
    }
    // While locked, the password is not even checked: guessing on gains nothing.
    if (account.lockedUntil && account.lockedUntil > now) {
      await verifyNothing(cmd.password);
      throw invalidLogin();
    }
    if (!(await verifyPassword(account.passwordHash, cmd.password))) {
      await this.recordFailure(account);
      throw invalidLogin();
    }
    if (account.failedLogins > 0 || account.lockedUntil) {
      await this.accounts.update({ id: account.id }, { failedLogins: 0, lockedUntil: null });
      account.failedLogins = 0;
      account.lockedUntil = null;
    }
    return this.openSession(account, now);
  }

  /**
   * Exchanges a refresh token for the next one of the same session. A token that was
   * already exchanged is a copy in someone else's hands: the whole session ends.
   */
  async refresh(refreshToken: string): Promise<SessionIssued> {
    const now = new Date();
    const token = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!token) throw invalidSession();
    const session = await this.sessions.findOneBy({ id: token.sessionId });
    if (!session || session.revokedAt || session.expiresAt <= now) throw invalidSession();
    if (token.usedAt) {
      await this.revoke(session.id, 'refresh_token_reuse');
      this.logger.warn(`refresh token of session ${session.id} was presented twice; the session is revoked`);
      throw invalidSession();
    }
    if (token.expiresAt <= now) throw invalidSession();
    // Only one of two concurrent exchanges of the same token wins; the other counts as reuse.
    const claimed = await this.refreshTokens.update({ id: token.id, usedAt: IsNull() }, { usedAt: now });
    if ((claimed.affected ?? 0) === 0) {
      await this.revoke(session.id, 'refresh_token_reuse');
      throw invalidSession();
    }
    const account = await this.accounts.findOneBy({ id: session.accountId });
    if (!account || account.disabledAt) {
      await this.revoke(session.id, 'account_disabled');
      throw invalidSession();
    }
    return this.issue(account, session, now);
  }

  /** Logout: ends the session of the refresh token. Unknown tokens are ignored, so the answer reveals nothing. */
  async revokeByRefreshToken(refreshToken: string): Promise<{ revoked: boolean }> {
    const token = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!token) return { revoked: false };
    await this.revoke(token.sessionId, 'logout');
    return { revoked: true };
  }

  /** The account behind an access token, if its session still holds. */
  async resolvePrincipal(q: ResolvePrincipalQuery): Promise<AccountDto> {
    if (typeof q?.accountId !== 'string') throw invalidSession();
    if (q.sessionId !== undefined) {
      const session = await this.sessions.findOneBy({ id: String(q.sessionId) });
      if (!session || session.accountId !== q.accountId || session.revokedAt || session.expiresAt <= new Date()) throw invalidSession();
    }
    const account = await this.accounts.findOneBy({ id: q.accountId });
    if (!account || account.disabledAt) throw invalidSession();
    return this.accountsService.toDto(account);
  }

  /**
   * OpenID Connect: the provider proved who signed in; GenQ still decides what they may do.
   * An identity maps onto the account with the same (provider-verified) e-mail address;
   * without such an account there is no access.
   */
  async resolveExternalPrincipal(q: ResolveExternalPrincipalQuery): Promise<AccountDto> {
    if (typeof q?.email !== 'string') throw invalidSession();
    const account = await this.accounts.findOneBy({ email: normaliseEmail(q.email) });
    if (!account || account.disabledAt) throw problem('auth.no_account');
    return this.accountsService.toDto(account);
  }

  private async openSession(account: Account, now: Date): Promise<SessionIssued> {
    const session = await this.sessions.save(
      this.sessions.create({
        id: randomUUID(),
        accountId: account.id,
        createdAt: now,
        expiresAt: secondsFrom(now, this.config.sessionMaxSeconds),
        revokedAt: null,
        revokedReason: null,
      }),
    );
    return this.issue(account, session, now);
  }

  private async issue(account: Account, session: Session, now: Date): Promise<SessionIssued> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Math.min(secondsFrom(now, this.config.refreshTtlSeconds).getTime(), session.expiresAt.getTime()));
    await this.refreshTokens.insert({ id: randomUUID(), sessionId: session.id, tokenHash: sha256(refreshToken), createdAt: now, expiresAt, usedAt: null });
    return { account: await this.accountsService.toDto(account), sessionId: session.id, refreshToken, refreshExpiresAt: expiresAt.toISOString() };
  }

  private async revoke(sessionId: string, reason: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Counts a failed login; the N-th in a row locks the account for a while and is audited. */
  private async recordFailure(account: Account): Promise<void> {
    // In SQL, so concurrent guesses are all counted.
    await this.accounts.increment({ id: account.id }, 'failedLogins', 1);
    const { failedLogins } = await this.accounts.findOneByOrFail({ id: account.id });
    if (failedLogins < this.config.lockoutThreshold) return;
    const lockedUntil = secondsFrom(new Date(), this.config.lockoutSeconds);
    await this.accounts.update({ id: account.id }, { failedLogins: 0, lockedUntil });
    await this.audit.record({
      actor: { userId: null, email: null, role: 'system' },
      action: 'account.lock',
      resourceType: 'account',
      resourceId: account.id,
      programmeId: await this.scope.programmeOfAccount(account),
      reason: `${failedLogins} failed logins in a row`,
      before: { lockedUntil: null },
      after: { lockedUntil: lockedUntil.toISOString() },
    });
    this.logger.warn(`account ${account.id} locked until ${lockedUntil.toISOString()} after ${failedLogins} failed logins`);
  }
}
