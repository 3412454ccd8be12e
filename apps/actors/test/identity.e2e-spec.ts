import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  ActorsPatterns,
  AuditPatterns,
  EVENT_CONSUMERS,
  IdentityPatterns,
  OrganisationsPatterns,
  type AccountDto,
  type Actor,
  type AuditEntryDto,
  type CreateQuarterResult,
  type DomainEvent,
  type MembershipDto,
  type OrganisationDto,
  type Page,
  type ProgrammeDto,
  type QuarterDto,
  type SessionIssued,
  type Visibility,
} from '@genq/contracts';
import { inboxHandler, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { AuditService } from '../src/audit/audit.service';
import type { ActorsConfig } from '../src/config';
import { fieldCodes, fieldProblem } from './problems';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;

const PASSWORD = 'Korrekt-Pferd-Batterie-42';
const LOCK_SECONDS = 2;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('identity');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

const actorOf = (a: AccountDto): Actor => ({
  userId: a.id,
  email: a.email,
  role: a.role,
  programmeIds: a.programmeIds,
  organisationId: a.organisationId,
});

describe.each(['sqlite', 'postgres'])('identity, scope and audit log on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const refusal = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const login = (email: string, password = PASSWORD) => send<SessionIssued>(IdentityPatterns.login, { email, password });

  // The fixture: two programmes, each with its own admin; organisations taking part in quarters.
  let root: Actor;
  let nrwAdmin: Actor;
  let ndsAdmin: Actor;
  let partner: Actor;
  let facilitator: Actor;
  let viewer: Actor;
  const quarters: Record<string, QuarterDto> = {};
  const orgs: Record<string, OrganisationDto> = {};

  const account = async (by: Actor, body: Record<string, unknown>) =>
    actorOf(await send<AccountDto>(IdentityPatterns.createAccount, { actor: by, password: PASSWORD, displayName: 'Test', ...body }));

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest<ActorsConfig>('actors', ActorsModule.forRoot, {
      database,
      identity: {
        lockoutThreshold: 3,
        lockoutSeconds: LOCK_SECONDS,
        refreshTtlSeconds: 3600,
        sessionMaxSeconds: 7200,
        bootstrapAdmin: { email: 'Root@GenQ.example', password: PASSWORD, displayName: 'Root' },
      },
    });
    root = actorOf((await login('root@genq.example')).account);
    for (const id of ['genq-nrw-2026', 'genq-nds-2026']) {
      await send(ActorsPatterns.upsertProgramme, { actor: root, id, name: id, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
    }
    // Creating a programme put it into root's scope; the stored account says so.
    root = actorOf((await login('root@genq.example')).account);
    nrwAdmin = await account(root, { email: 'nrw@genq.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'] });
    ndsAdmin = await account(root, { email: 'nds@genq.example', role: 'programme_admin', programmeIds: ['genq-nds-2026'] });
    viewer = await account(root, { email: 'viewer@genq.example', role: 'viewer', programmeIds: ['genq-nrw-2026'] });

    const org = (by: Actor, name: string, type: string, programmeId: string) =>
      send<OrganisationDto>(OrganisationsPatterns.create, { actor: by, name, type, programmeId });
    orgs.dogewo = await org(nrwAdmin, 'DOGEWO21', 'housing_company', 'genq-nrw-2026');
    orgs.dortmund = await org(nrwAdmin, 'Stadt Dortmund', 'municipality', 'genq-nrw-2026');
    orgs.vonovia = await org(nrwAdmin, 'Vonovia', 'housing_company', 'genq-nrw-2026');
    orgs.hanova = await org(ndsAdmin, 'hanova', 'housing_company', 'genq-nds-2026');
    orgs.begleitung = await org(nrwAdmin, 'Quartiersbegleitung Ruhr', 'facilitation', 'genq-nrw-2026');

    const quarter = async (by: Actor, name: string, programmeId: string) =>
      (
        await send<CreateQuarterResult>(ActorsPatterns.createQuarter, {
          actor: by,
          name,
          municipality: name,
          land: 'Nordrhein-Westfalen',
          housingCompany: 'HC',
          programmeId,
        })
      ).quarter;
    quarters.scharnhorst = await quarter(nrwAdmin, 'Scharnhorst', 'genq-nrw-2026');
    quarters.hoerde = await quarter(nrwAdmin, 'Hörde', 'genq-nrw-2026');
    quarters.sahlkamp = await quarter(ndsAdmin, 'Sahlkamp', 'genq-nds-2026');

    const member = (by: Actor, q: QuarterDto, o: OrganisationDto, role: string) =>
      send<MembershipDto>(OrganisationsPatterns.addMembership, { actor: by, quarterId: q.id, organisationId: o.id, role });
    await member(nrwAdmin, quarters.scharnhorst!, orgs.dogewo!, 'lead_partner');
    await member(nrwAdmin, quarters.scharnhorst!, orgs.dortmund!, 'co_partner');
    await member(nrwAdmin, quarters.hoerde!, orgs.vonovia!, 'lead_partner');
    await member(nrwAdmin, quarters.hoerde!, orgs.begleitung!, 'facilitator');
    await member(ndsAdmin, quarters.sahlkamp!, orgs.hanova!, 'lead_partner');

    partner = await account(nrwAdmin, { email: 'partner@dogewo.example', role: 'partner', organisationId: orgs.dogewo!.id, canSign: true });
    facilitator = await account(nrwAdmin, { email: 'facilitator@example.org', role: 'facilitator', organisationId: orgs.begleitung!.id });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  describe('login', () => {
    it('creates the first programme admin from the environment once, and audits it', async () => {
      const page = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: root, filter: { action: 'account.bootstrap' } });
      // Filed under no programme: a bootstrap entry is not visible through programme scope.
      expect(page.total).toBe(0);
      const accounts = await send<Page<AccountDto>>(IdentityPatterns.listAccounts, { actor: root, filter: { role: 'programme_admin' } });
      expect(accounts.data.map((a) => a.email).sort()).toEqual(['nds@genq.example', 'nrw@genq.example', 'root@genq.example']);
    });

    it('signs in with the e-mail address in any case and never returns the password hash', async () => {
      const s = await login('  NRW@genq.EXAMPLE ');
      expect(s.account).toMatchObject({ email: 'nrw@genq.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026'] });
      expect(JSON.stringify(s)).not.toMatch(/argon2|passwordHash/);
      expect(s.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('answers a wrong password and an unknown address alike', async () => {
      const wrong = await refusal(IdentityPatterns.login, { email: 'viewer@genq.example', password: 'falsch-falsch-falsch' });
      const unknown = await refusal(IdentityPatterns.login, { email: 'nobody@genq.example', password: 'falsch-falsch-falsch' });
      expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
      expect(unknown).toEqual(wrong);
      await login('viewer@genq.example'); // resets the viewer's failure count
    });

    it('locks an account after repeated failures, refuses even the right password while locked, and audits the lock', async () => {
      await account(nrwAdmin, { email: 'locked@genq.example', role: 'viewer', programmeIds: ['genq-nrw-2026'] });
      for (let i = 0; i < 3; i++) {
        expect((await refusal(IdentityPatterns.login, { email: 'locked@genq.example', password: `guess-number-${i}` })).status).toBe(401);
      }
      const whileLocked = await refusal(IdentityPatterns.login, { email: 'locked@genq.example', password: PASSWORD });
      expect(whileLocked).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
      const audit = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: nrwAdmin, filter: { action: 'account.lock' } });
      expect(audit.data[0]).toMatchObject({ actorRole: 'system', programmeId: 'genq-nrw-2026', reason: '3 failed logins in a row' });
      await new Promise((r) => setTimeout(r, LOCK_SECONDS * 1000 + 200));
      await expect(login('locked@genq.example')).resolves.toHaveProperty('account.email', 'locked@genq.example');
    });
  });

  describe('sessions', () => {
    it('rotates the refresh token: each works once; a replayed one ends the whole session', async () => {
      const first = await login('viewer@genq.example');
      const second = await send<SessionIssued>(IdentityPatterns.refresh, { refreshToken: first.refreshToken });
      expect(second.sessionId).toBe(first.sessionId);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      const third = await send<SessionIssued>(IdentityPatterns.refresh, { refreshToken: second.refreshToken });
      // Someone replays the first token: the session is revoked, including the newest token.
      expect(await refusal(IdentityPatterns.refresh, { refreshToken: first.refreshToken })).toMatchObject({ status: 401, code: 'auth.session_ended' });
      expect(await refusal(IdentityPatterns.refresh, { refreshToken: third.refreshToken })).toMatchObject({ status: 401, code: 'auth.session_ended' });
      expect(await refusal(IdentityPatterns.resolvePrincipal, { accountId: viewer.userId, sessionId: first.sessionId })).toMatchObject({ status: 401, code: 'auth.session_ended' });
    });

    it('logout revokes the session: its access tokens and refresh token stop working at once', async () => {
      const s = await login('viewer@genq.example');
      await expect(send(IdentityPatterns.resolvePrincipal, { accountId: viewer.userId, sessionId: s.sessionId })).resolves.toMatchObject({
        email: 'viewer@genq.example',
      });
      await expect(send(IdentityPatterns.revokeSession, { refreshToken: s.refreshToken })).resolves.toEqual({ revoked: true });
      expect((await refusal(IdentityPatterns.resolvePrincipal, { accountId: viewer.userId, sessionId: s.sessionId })).status).toBe(401);
      expect((await refusal(IdentityPatterns.refresh, { refreshToken: s.refreshToken })).status).toBe(401);
      // A session belongs to one account: another account's id with it is refused.
      const other = await login('viewer@genq.example');
      expect((await refusal(IdentityPatterns.resolvePrincipal, { accountId: nrwAdmin.userId, sessionId: other.sessionId })).status).toBe(401);
    });
  });

  describe('accounts', () => {
    it('lets a programme admin hand out only its own programmes and organisations', async () => {
      const foreign = await refusal(IdentityPatterns.createAccount, {
        actor: nrwAdmin,
        email: 'x@genq.example',
        displayName: 'X',
        password: PASSWORD,
        role: 'operator',
        programmeIds: ['genq-nds-2026'],
      });
      expect(foreign).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'programmeIds', code: 'programme.unknown', params: { id: 'genq-nds-2026' } }] });
      const foreignOrg = await refusal(IdentityPatterns.createAccount, {
        actor: nrwAdmin,
        email: 'x@genq.example',
        displayName: 'X',
        password: PASSWORD,
        role: 'partner',
        organisationId: orgs.hanova!.id,
      });
      expect(foreignOrg).toMatchObject({ status: 400, errors: [{ field: 'organisationId', code: 'organisation.unknown', params: { id: orgs.hanova!.id } }] });
      const notAdmin = await refusal(IdentityPatterns.createAccount, {
        actor: viewer,
        email: 'y@genq.example',
        displayName: 'Y',
        password: PASSWORD,
        role: 'viewer',
        programmeIds: ['genq-nrw-2026'],
      });
      expect(notAdmin).toMatchObject({ status: 403, code: 'role.not_allowed', params: { role: 'viewer' } });
    });

    it('binds each role to programmes or to an organisation, every problem at once', async () => {
      const base = { actor: nrwAdmin, email: 'z@genq.example', displayName: 'Z', password: PASSWORD };
      const operator = await refusal(IdentityPatterns.createAccount, { ...base, role: 'operator', organisationId: orgs.dogewo!.id, canSign: true });
      expect(fieldCodes(operator)).toEqual({
        programmeIds: 'account.programme_required',
        organisationId: 'account.organisation_not_allowed',
        canSign: 'account.signing_not_allowed',
      });
      expect(fieldProblem(operator, 'programmeIds')?.params).toEqual({ role: 'operator' });
      const partnerWithout = await refusal(IdentityPatterns.createAccount, { ...base, role: 'partner', programmeIds: ['genq-nrw-2026'] });
      expect(fieldCodes(partnerWithout)).toEqual({ organisationId: 'account.organisation_required', programmeIds: 'account.programmes_not_allowed' });
    });

    it('keeps e-mail addresses unique regardless of case, and passwords long', async () => {
      const dup = await refusal(IdentityPatterns.createAccount, {
        actor: nrwAdmin,
        email: 'VIEWER@genq.example',
        displayName: 'V',
        password: PASSWORD,
        role: 'viewer',
        programmeIds: ['genq-nrw-2026'],
      });
      expect(dup).toMatchObject({ status: 409, code: 'account.exists', errors: [{ field: 'email', code: 'account.email_taken' }] });
      const short = await refusal(IdentityPatterns.createAccount, {
        actor: nrwAdmin,
        email: 'short@genq.example',
        displayName: 'S',
        password: 'kurz',
        role: 'viewer',
        programmeIds: ['genq-nrw-2026'],
      });
      expect(short).toMatchObject({ status: 400, code: 'request.invalid' });
      expect(fieldCodes(short)).toEqual({ password: 'validation.minLength' });
    });

    it('stores the signing authority of a partner user', async () => {
      const a = await send<AccountDto>(IdentityPatterns.getAccount, { actor: nrwAdmin, id: partner.userId });
      expect(a).toMatchObject({ role: 'partner', organisationId: orgs.dogewo!.id, canSign: true, programmeIds: [] });
      expect(await refusal(IdentityPatterns.getAccount, { actor: ndsAdmin, id: partner.userId })).toMatchObject({ status: 404, code: 'account.not_found', params: { id: partner.userId } });
    });

    it('refuses a write that carries no acting user', async () => {
      const e = await refusal(ActorsPatterns.createQuarter, { name: 'Ohne', municipality: 'X', land: 'Bayern', housingCompany: 'H', programmeId: 'genq-nrw-2026' });
      expect(e).toMatchObject({ status: 400, code: 'request.invalid' });
      expect(fieldCodes(e)).toMatchObject({ actor: 'validation.required' });
      expect(await refusal(ActorsPatterns.listQuarters, {})).toMatchObject({ status: 400, errors: [{ field: 'actor', code: 'validation.required' }] });
      expect(await refusal(ActorsPatterns.listQuarters, { actor: { ...viewer, role: 'emperor' } })).toMatchObject({ status: 400, errors: [{ field: 'actor', code: 'validation.invalid' }] });
    });
  });

  describe('scope', () => {
    const names = (page: Page<{ name: string }>) => page.data.map((x) => x.name).sort();
    const listQuarters = (actor: Actor, filter: Record<string, unknown> = {}) =>
      send<Page<QuarterDto>>(ActorsPatterns.listQuarters, { actor, filter, range: { start: 0, end: 99 } });

    it('filters lists in SQL: totals count only what the user may see', async () => {
      expect(names(await listQuarters(nrwAdmin))).toEqual(['Hörde', 'Scharnhorst']);
      expect(names(await listQuarters(ndsAdmin))).toEqual(['Sahlkamp']);
      expect(names(await listQuarters(viewer))).toEqual(['Hörde', 'Scharnhorst']);
      expect(names(await listQuarters(partner))).toEqual(['Scharnhorst']);
      expect(names(await listQuarters(facilitator))).toEqual(['Hörde']);
      expect(names(await listQuarters(root))).toEqual(['Hörde', 'Sahlkamp', 'Scharnhorst']);
      // A filter cannot widen the scope: it is ANDed with it.
      const widened = await listQuarters(partner, { programmeId: ['genq-nrw-2026', 'genq-nds-2026'], id: Object.values(quarters).map((q) => q.id) });
      expect(widened.total).toBe(1);
      const noOrg: Actor = { ...partner, organisationId: null };
      expect((await listQuarters(noOrg)).total).toBe(0);
      const noProgrammes: Actor = { ...viewer, programmeIds: [] };
      expect((await listQuarters(noProgrammes)).total).toBe(0);
    });

    it('answers 404 for a quarter outside the scope, exactly as for one that does not exist', async () => {
      const outside = await refusal(ActorsPatterns.getQuarter, { actor: partner, id: quarters.hoerde!.id });
      const missing = await refusal(ActorsPatterns.getQuarter, { actor: partner, id: '00000000-0000-4000-8000-000000000000' });
      expect(outside).toMatchObject({ status: 404, code: 'quarter.not_found', params: { id: quarters.hoerde!.id } });
      expect(missing).toMatchObject({ status: 404, code: 'quarter.not_found' });
      await expect(send(ActorsPatterns.getQuarter, { actor: partner, id: quarters.scharnhorst!.id })).resolves.toMatchObject({ name: 'Scharnhorst' });
      expect((await refusal(ActorsPatterns.getQuarter, { actor: nrwAdmin, id: quarters.sahlkamp!.id })).status).toBe(404);
    });

    it('decides visibility per kind for the gateway', async () => {
      const visible = (actor: Actor, kind: string, id: string) => send<Visibility>(IdentityPatterns.visible, { actor, kind, id });
      await expect(visible(partner, 'quarter', quarters.scharnhorst!.id)).resolves.toEqual({
        visible: true,
        exists: true,
        programmeId: 'genq-nrw-2026',
        quarterId: quarters.scharnhorst!.id,
      });
      await expect(visible(partner, 'quarter', quarters.sahlkamp!.id)).resolves.toEqual({ visible: false, exists: true });
      await expect(visible(partner, 'programme', 'genq-nrw-2026')).resolves.toMatchObject({ visible: true });
      await expect(visible(partner, 'programme', 'genq-nds-2026')).resolves.toMatchObject({ visible: false });
      // Partners see their own organisation and those they share a quarter with.
      await expect(visible(partner, 'organisation', orgs.dortmund!.id)).resolves.toMatchObject({ visible: true });
      await expect(visible(partner, 'organisation', orgs.vonovia!.id)).resolves.toMatchObject({ visible: false });
      await expect(visible(ndsAdmin, 'organisation', orgs.dogewo!.id)).resolves.toMatchObject({ visible: false });
      await expect(visible(facilitator, 'organisation', orgs.vonovia!.id)).resolves.toMatchObject({ visible: true });
      await expect(visible(nrwAdmin, 'account', partner.userId)).resolves.toMatchObject({ visible: true, programmeId: 'genq-nrw-2026' });
      await expect(visible(partner, 'account', nrwAdmin.userId)).resolves.toMatchObject({ visible: false });
      await expect(visible(partner, 'audit_entry', '1')).resolves.toMatchObject({ visible: false });
      expect(await refusal(IdentityPatterns.visible, { actor: partner, kind: 'secrets', id: 'x' })).toMatchObject({ status: 400, errors: [{ field: 'kind', code: 'validation.isIn' }] });
    });

    it('lists programmes and organisations within scope', async () => {
      const programmes = (actor: Actor) => send<Page<ProgrammeDto>>(ActorsPatterns.listProgrammes, { actor }).then((p) => p.data.map((x) => x.id));
      expect(await programmes(partner)).toEqual(['genq-nrw-2026']);
      expect(await programmes(ndsAdmin)).toEqual(['genq-nds-2026']);
      const organisations = (actor: Actor) => send<Page<OrganisationDto>>(OrganisationsPatterns.list, { actor });
      expect(names(await organisations(partner))).toEqual(['DOGEWO21', 'Stadt Dortmund']);
      expect(names(await organisations(ndsAdmin))).toEqual(['hanova']);
      const members = await send<Page<MembershipDto>>(OrganisationsPatterns.listMemberships, { actor: partner, id: quarters.scharnhorst!.id });
      expect(members.data.map((m) => [m.organisationName, m.role])).toEqual([
        ['DOGEWO21', 'lead_partner'],
        ['Stadt Dortmund', 'co_partner'],
      ]);
      expect((await refusal(OrganisationsPatterns.listMemberships, { actor: partner, id: quarters.hoerde!.id })).status).toBe(404);
    });

    it('checks writes again in the service: role and scope', async () => {
      const body = { name: 'Fremd', municipality: 'Hannover', land: 'Niedersachsen', housingCompany: 'H', programmeId: 'genq-nds-2026' };
      expect(await refusal(ActorsPatterns.createQuarter, { actor: nrwAdmin, ...body })).toMatchObject({
        status: 400,
        errors: [{ field: 'programmeId', code: 'programme.unknown', params: { id: 'genq-nds-2026' } }],
      });
      expect(await refusal(ActorsPatterns.createQuarter, { actor: { ...partner }, ...body, programmeId: 'genq-nrw-2026' })).toMatchObject({
        status: 403,
        code: 'role.not_allowed',
        params: { role: 'partner' },
      });
      const upsertForeign = await refusal(ActorsPatterns.upsertProgramme, {
        actor: nrwAdmin,
        id: 'genq-nds-2026',
        name: 'Übernahme',
        catalogueId: 'genq-default',
        catalogueVersion: '1.0.0',
        calendar,
      });
      expect(upsertForeign).toMatchObject({ status: 404, code: 'programme.not_found', params: { id: 'genq-nds-2026' } });
      const membershipOutside = await refusal(OrganisationsPatterns.addMembership, {
        actor: nrwAdmin,
        quarterId: quarters.sahlkamp!.id,
        organisationId: orgs.dogewo!.id,
        role: 'cooperation_partner',
      });
      expect(membershipOutside.status).toBe(404);
      const foreignOrg = await refusal(OrganisationsPatterns.addMembership, {
        actor: nrwAdmin,
        quarterId: quarters.hoerde!.id,
        organisationId: orgs.hanova!.id,
        role: 'cooperation_partner',
      });
      expect(foreignOrg).toMatchObject({ status: 400, errors: [{ field: 'organisationId', code: 'organisation.unknown', params: { id: orgs.hanova!.id } }] });
    });
  });

  describe('audit log', () => {
    const record = (over: Record<string, unknown> = {}) =>
      send<AuditEntryDto>(AuditPatterns.record, {
        actor: { userId: nrwAdmin.userId, email: nrwAdmin.email, role: 'programme_admin' },
        action: 'quarter.create',
        resourceType: 'quarter',
        resourceId: quarters.scharnhorst!.id,
        programmeId: 'genq-nrw-2026',
        quarterId: quarters.scharnhorst!.id,
        reason: null,
        before: null,
        after: { name: 'Scharnhorst' },
        requestId: 'req-1',
        ...over,
      });

    it('appends entries with who, when, what, why, before, after and request id', async () => {
      const e = await record({ action: 'intervention.extend_deadline', reason: 'Ratswahl', before: { due: '2026-03-01' }, after: { due: '2026-05-01' } });
      expect(e).toMatchObject({
        actorId: nrwAdmin.userId,
        actorEmail: 'nrw@genq.example',
        actorRole: 'programme_admin',
        action: 'intervention.extend_deadline',
        resourceType: 'quarter',
        reason: 'Ratswahl',
        before: { due: '2026-03-01' },
        after: { due: '2026-05-01' },
        requestId: 'req-1',
      });
      expect(Date.now() - Date.parse(e.at)).toBeLessThan(60_000);
      const bad = await refusal(AuditPatterns.record, { actor: { userId: null, email: null, role: 'system' }, action: 'DROP TABLE', resourceType: 'x', resourceId: null });
      expect(bad).toMatchObject({ status: 400, code: 'request.invalid' });
      expect(fieldCodes(bad)).toHaveProperty('action');
    });

    it('shows programme admins the entries of their programmes only, with filters, and exports in batches', async () => {
      await record({ programmeId: 'genq-nds-2026', quarterId: quarters.sahlkamp!.id, resourceId: quarters.sahlkamp!.id, requestId: 'req-nds' });
      const mine = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: nrwAdmin, filter: {} });
      expect(mine.data.every((e) => e.programmeId === 'genq-nrw-2026')).toBe(true);
      const nds = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: ndsAdmin, filter: { requestId: 'req-nds' } });
      expect(nds.total).toBe(1);
      expect(await refusal(AuditPatterns.get, { actor: nrwAdmin, id: String(nds.data[0]!.id) })).toMatchObject({ status: 404, code: 'audit_entry.not_found' });
      await expect(send(AuditPatterns.get, { actor: ndsAdmin, id: String(nds.data[0]!.id) })).resolves.toMatchObject({ requestId: 'req-nds' });
      const period = await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: nrwAdmin, filter: { at_gte: new Date(Date.now() + 3600_000).toISOString() } });
      expect(period.total).toBe(0);
      expect(await refusal(AuditPatterns.list, { actor: nrwAdmin, filter: { at_gte: "'; DROP TABLE audit_log; --" } })).toMatchObject({
        status: 400,
        code: 'list.invalid',
        errors: [{ field: 'filter.at_gte', code: 'validation.isIso8601' }],
      });
      expect(await refusal(AuditPatterns.list, { actor: nrwAdmin, filter: { before: 'x' } })).toMatchObject({ status: 400, errors: [{ field: 'filter.before', code: 'list.filter_unknown' }] });
      expect(await refusal(AuditPatterns.export, { actor: nrwAdmin, filter: {}, afterId: -1 })).toMatchObject({ status: 400, errors: [{ field: 'afterId', code: 'validation.isInt' }] });
      const batch = await send<AuditEntryDto[]>(AuditPatterns.export, { actor: nrwAdmin, filter: {}, afterId: 0 });
      expect(batch.map((e) => e.id)).toEqual([...batch.map((e) => e.id)].sort((a, b) => a - b));
      expect(batch.length).toBe(mine.total);
      await expect(send(AuditPatterns.export, { actor: nrwAdmin, filter: {}, afterId: batch.at(-1)!.id })).resolves.toEqual([]);
    });

    it("writes the entry of its own change in the change's transaction, with the gateway's audit context, and none for a refused one", async () => {
      const meta = (requestId: string) => ({ actor: { userId: nrwAdmin.userId, email: nrwAdmin.email, role: 'programme_admin' }, requestId, programmeId: 'genq-nrw-2026', quarterId: null });
      const created = await send<OrganisationDto>(OrganisationsPatterns.create, { actor: nrwAdmin, name: 'Spar- und Bauverein', type: 'housing_company', programmeId: 'genq-nrw-2026', _meta: meta('req-org-1') });
      const byRequest = async (requestId: string) => (await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: root, filter: { requestId } })).data;
      expect(await byRequest('req-org-1')).toEqual([
        expect.objectContaining({
          actorId: nrwAdmin.userId,
          actorEmail: nrwAdmin.email,
          actorRole: 'programme_admin',
          action: 'organisation.create',
          resourceType: 'organisation',
          resourceId: created.id,
          programmeId: 'genq-nrw-2026',
          before: null,
          after: created,
        }),
      ]);
      // The same name again is refused by the unique index inside the transaction: no entry.
      expect((await refusal(OrganisationsPatterns.create, { actor: nrwAdmin, name: 'Spar- und Bauverein', type: 'housing_company', programmeId: 'genq-nrw-2026', _meta: meta('req-org-2') })).status).toBe(409);
      expect(await byRequest('req-org-2')).toEqual([]);
    });

    it('appends the entries other services record (audit.recorded) once, however often the event is delivered, at the time of the change', async () => {
      const db = service.app.get(DataSource);
      const audit = service.app.get(AuditService);
      const apply = inboxHandler(db, EVENT_CONSUMERS.actorsAudit.durable, (em, event) => audit.append(em, event));
      const event: DomainEvent<'audit.recorded'> = {
        id: `audit:${randomUUID()}`,
        type: 'audit.recorded',
        version: 1,
        source: 'agreements',
        quarterId: quarters.hoerde!.id,
        occurredAt: '2026-02-03T04:05:06.000Z',
        payload: {
          actor: { userId: partner.userId, email: partner.email, role: 'partner' },
          action: 'goal.create',
          resourceType: 'goal',
          resourceId: 'goal-1',
          programmeId: null,
          quarterId: quarters.hoerde!.id,
          reason: null,
          before: null,
          after: { title: 'Barrierearm wohnen' },
          requestId: 'req-appended',
        },
      };
      await apply(event);
      await apply(event);
      const entries = (await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: root, filter: { requestId: 'req-appended' } })).data;
      expect(entries).toEqual([
        // Filed under the quarter's programme, as every entry about a quarter.
        expect.objectContaining({ at: '2026-02-03T04:05:06.000Z', actorId: partner.userId, action: 'goal.create', programmeId: 'genq-nrw-2026', after: { title: 'Barrierearm wohnen' } }),
      ]);
    });

    it("appends an entry with a key (a workflow's retried activity) once", async () => {
      const first = await record({ requestId: 'req-keyed', key: 'quarter-x:intervention:1' });
      expect(first).toMatchObject({ requestId: 'req-keyed' });
      await expect(record({ requestId: 'req-keyed', key: 'quarter-x:intervention:1' })).resolves.toEqual({ duplicate: true, key: 'quarter-x:intervention:1' });
      await record({ requestId: 'req-keyed', key: 'quarter-x:intervention:2' });
      expect((await send<Page<AuditEntryDto>>(AuditPatterns.list, { actor: root, filter: { requestId: 'req-keyed' } })).total).toBe(2);
    });

    it('refuses UPDATE and DELETE in the database itself', async () => {
      await record();
      const db = service.app.get(DataSource);
      await expect(db.query(`UPDATE audit_log SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      if (label === 'postgres') await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE reason = 'rewritten'`);
      expect(Number(n)).toBe(0);
    });
  });
});
