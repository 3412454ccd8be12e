import { DEMO_ADMIN, DEMO_PASSWORD, managementUrl } from '@genq/infra';
import { adminWithProgramme, fieldCodes, signIn, startTestStack, type TestStack } from './support/api';

/**
 * Issue 17 ("accounts can be edited by the programme office") through the HTTP API of the
 * running system: role, programmes, organisation and signing authority changed under the
 * rules of creation; deactivation that ends the sessions at once and reactivation; a password
 * reset with a one-time password shown once; your own account kept from locking you out; every
 * change in the audit log, the password never.
 */
jest.setTimeout(10 * 60_000);

describe('accounts edited by the programme office over HTTP', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-konten-2026';

  const as = (token: string | undefined, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);
  const signInStatus = async (email: string, password: string) => (await env.api('POST', '/auth/login', { body: { email, password } })).status;
  const auditOf = async (action: string, resourceId: string) =>
    (await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action, resourceId }))}`, undefined, 200)).body as Array<{ before: unknown; after: unknown }>;

  beforeAll(async () => {
    // Every case signs in several times from one address within the minute: more than the
    // default login limit (10 a minute, tested in authorisation.e2e-spec.ts) allows.
    env = await startTestStack('accounts', { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '60' } });
    admin = await adminWithProgramme(env, P, 'GenQ Konten 2026');
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('changes role, programmes, organisation and signing authority under the rules of creation, audited', async () => {
    const company = (await as(admin, 'POST', '/organisations', { name: 'LEG Wohnen NRW GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const city = (await as(admin, 'POST', '/organisations', { name: 'Stadt Bochum', type: 'municipality', programmeId: P }, 201)).body.id as string;
    const email = 'wechsel@konten.genq.example';
    const account = (await as(admin, 'POST', '/accounts', { email, displayName: 'Wera Wechsel', password: DEMO_PASSWORD, role: 'partner', organisationId: company }, 201)).body;

    // An operator needs programmes and no organisation: both said at once, in German, naming the fields by their labels.
    const refused = await as(admin, 'PATCH', `/accounts/${account.id}`, { role: 'operator' }, 400);
    expect(fieldCodes(refused.body)).toEqual({ programmeIds: 'account.programme_required', organisationId: 'account.organisation_not_allowed' });
    expect(refused.body.errors.find((e: { field: string }) => e.field === 'programmeIds').message).toBe('Die Rolle „Betreuung der Programmstelle“ braucht mindestens ein Programm.');
    const foreign = await as(admin, 'PATCH', `/accounts/${account.id}`, { role: 'operator', programmeIds: ['fremdes-programm'], organisationId: null }, 400);
    expect(fieldCodes(foreign.body)).toEqual({ programmeIds: 'programme.unknown' });

    const operator = (await as(admin, 'PATCH', `/accounts/${account.id}`, { role: 'operator', programmeIds: [P], organisationId: null }, 200)).body;
    expect(operator).toMatchObject({ id: account.id, role: 'operator', programmeIds: [P], organisationId: null, disabled: false });
    const partner = (await as(admin, 'PATCH', `/accounts/${account.id}`, { role: 'partner', programmeIds: [], organisationId: city, canSign: true, displayName: 'Wera Wechsel-Bochum' }, 200)).body;
    expect(partner).toMatchObject({ role: 'partner', programmeIds: [], organisationId: city, canSign: true, displayName: 'Wera Wechsel-Bochum' });
    expect((await as(admin, 'GET', `/accounts/${account.id}`, undefined, 200)).body).toMatchObject({ role: 'partner', organisationId: city, canSign: true });

    const changes = await auditOf('account.update', account.id);
    expect(changes).toHaveLength(2);
    const to = (role: string) => changes.find((c) => (c.after as { role: string }).role === role);
    expect(to('operator')).toMatchObject({ before: { role: 'partner', organisationId: company }, after: { role: 'operator', programmeIds: [P], organisationId: null } });
    expect(to('partner')).toMatchObject({ before: { role: 'operator', organisationId: null }, after: { role: 'partner', organisationId: city, canSign: true } });

    // Only the programme office edits accounts.
    const own = await env.login(email);
    await as(own, 'PATCH', `/accounts/${account.id}`, { canSign: false }, 403);
  });

  it('deactivates (the sessions end at once), reactivates, and keeps your own account from locking you out', async () => {
    const company = (await as(admin, 'POST', '/organisations', { name: 'Vonovia SE', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const email = 'pause@konten.genq.example';
    const account = (await as(admin, 'POST', '/accounts', { email, displayName: 'Paul Pause', password: DEMO_PASSWORD, role: 'partner', organisationId: company }, 201)).body;
    const token = await env.login(email);
    await as(token, 'GET', '/auth/me', undefined, 200);

    const off = (await as(admin, 'PATCH', `/accounts/${account.id}`, { disabled: true }, 200)).body;
    expect(off.disabled).toBe(true);
    expect((await as(token, 'GET', '/auth/me')).status).toBe(401);
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(401);
    expect(await auditOf('account.deactivate', account.id)).toMatchObject([{ before: { disabled: false }, after: { disabled: true } }]);

    const on = (await as(admin, 'PATCH', `/accounts/${account.id}`, { disabled: false }, 200)).body;
    expect(on.disabled).toBe(false);
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(200);
    expect(await auditOf('account.reactivate', account.id)).toMatchObject([{ before: { disabled: true }, after: { disabled: false } }]);

    const me = (await signIn(env.api, DEMO_ADMIN.email, DEMO_PASSWORD)).user as { id: string };
    const self = await as(admin, 'PATCH', `/accounts/${me.id}`, { disabled: true }, 409);
    expect(self.body).toMatchObject({ code: 'account.self_deactivate', detail: 'Ihr eigenes Konto können Sie nicht deaktivieren. Bitten Sie eine andere Person der Programmstelle darum.' });
    const role = await as(admin, 'PATCH', `/accounts/${me.id}`, { role: 'viewer' }, 409);
    expect(role.body.code).toBe('account.self_role');
    // Your own name is yours to change.
    await as(admin, 'PATCH', `/accounts/${me.id}`, { displayName: 'Programmstelle GenQ' }, 200);
    await as(admin, 'GET', '/auth/me', undefined, 200);
  });

  it('checks a session once for several requests, and a change made through the gateway counts for the very next request', async () => {
    // How often the gateway asked the actors service for a principal (its own metric).
    const metrics = `${await managementUrl(env.stack.apps.gateway!)}/metrics`;
    const resolutions = async () => {
      const text = await (await fetch(metrics)).text();
      const line = text.split('\n').find((l) => l.startsWith('genq_rpc_client_duration_seconds_count') && l.includes('pattern="actors.identity.resolve-principal"') && l.includes('outcome="ok"'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const company = (await as(admin, 'POST', '/organisations', { name: 'Wohnbau Cache GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const email = 'cache@konten.genq.example';
    const account = (await as(admin, 'POST', '/accounts', { email, displayName: 'Carla Cache', password: DEMO_PASSWORD, role: 'partner', organisationId: company, canSign: false }, 201)).body;
    const token = await env.login(email);

    const before = await resolutions();
    for (let i = 0; i < 5; i++) expect((await as(token, 'GET', '/auth/me', undefined, 200)).body.canSign).toBe(false);
    // Five requests within the cache's time (AUTH_PRINCIPAL_CACHE_MS, 5 s): one question.
    expect((await resolutions()) - before).toBe(1);

    // The admin's change is the next request's truth, without waiting for the cache's time.
    await as(admin, 'PATCH', `/accounts/${account.id}`, { canSign: true }, 200);
    expect((await as(token, 'GET', '/auth/me', undefined, 200)).body.canSign).toBe(true);
    await as(admin, 'PATCH', `/accounts/${account.id}`, { disabled: true }, 200);
    expect((await as(token, 'GET', '/auth/me')).status).toBe(401);
  });

  it('resets a password to a one-time password shown once, ends the sessions, and audits without the password', async () => {
    const company = (await as(admin, 'POST', '/organisations', { name: 'Vivawest GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const email = 'vergessen@konten.genq.example';
    const account = (await as(admin, 'POST', '/accounts', { email, displayName: 'Vera Vergessen', password: DEMO_PASSWORD, role: 'partner', organisationId: company }, 201)).body;
    const token = await env.login(email);

    const reset = (await as(admin, 'POST', `/accounts/${account.id}/password-reset`, undefined, 200)).body;
    expect(reset.account).toMatchObject({ id: account.id, email });
    expect(typeof reset.password).toBe('string');
    expect(reset.password.length).toBeGreaterThanOrEqual(12);
    expect((await as(token, 'GET', '/auth/me')).status).toBe(401);
    expect(await signInStatus(email, DEMO_PASSWORD)).toBe(401);
    expect(await signInStatus(email, reset.password)).toBe(200);

    const entries = await auditOf('account.reset_password', account.id);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(reset.password);
    await as(admin, 'POST', '/accounts/00000000-0000-4000-8000-000000000000/password-reset', undefined, 404);
  });
});
