import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, freeStackPorts, seedDemo, startStack, type Stack } from '@genq/infra';
import { eventually } from './support/api';

/**
 * The demo as `npm start` seeds it, against the real stack: certified quarters with measures
 * in several statuses, certificates, people with signing authority, participation events and
 * an annual report, so every dashboard panel has data; and a repeated seed changes nothing,
 * even with its marker gone (every step looks first whether it was done).
 */
jest.setTimeout(15 * 60_000);

const CERTIFIED = ['Kamen-Methler', 'Unna-Königsborn'];

describe('demo seed: the whole programme', () => {
  let dataDir: string;
  let stack: Stack;
  let token: string;
  let seconds: number;

  const login = async (email: string) => {
    const res = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  const api = async (path: string, as = token) => {
    const res = await fetch(`${stack.gatewayUrl}/api${path}`, { headers: { authorization: `Bearer ${as}` } });
    const body = (await res.json().catch(() => null)) as any;
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
    return { body, range: res.headers.get('content-range') };
  };

  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  const range = encodeURIComponent('[0,499]');
  const filter = (f: object) => encodeURIComponent(JSON.stringify(f));

  /** What a repeated seed must leave as it was. */
  const snapshot = async () => {
    const quarters = (await api(`/quarters?range=${range}`)).body as Array<{ id: string; name: string }>;
    const perQuarter: Record<string, unknown> = {};
    for (const q of quarters) {
      const [memberships, events, versions, reports, concept] = await Promise.all([
        api(`/quarters/${q.id}/memberships`),
        api(`/quarters/${q.id}/participation-events`),
        api(`/quarters/${q.id}/agreement/versions`),
        api(`/quarters/${q.id}/reports`),
        api(`/quarters/${q.id}/handlungskonzept`),
      ]);
      perQuarter[q.name] = {
        memberships: memberships.body.map((m: any) => `${m.organisationName}|${m.role}|${m.personId}`).sort(),
        events: events.body.length,
        versions: versions.body.map((v: any) => `${v.number}|${v.status}|${v.signatures.length}`),
        reports: reports.body.map((r: any) => `${r.year}|${r.status}`),
        measures: concept.body.goals.flatMap((g: any) => g.measures.map((m: any) => `${m.title}|${m.status}|${m.statusHistory.length}`)).sort(),
      };
    }
    return {
      quarters: quarters.length,
      people: (await api(`/people?range=${range}`)).range,
      organisations: (await api(`/organisations?range=${range}`)).range,
      accounts: (await api(`/accounts?range=${range}`)).range,
      perQuarter,
    };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-demo-seed-'));
    stack = await startStack({ dataDir, ports: await freeStackPorts(), withConsole: false, log: () => {} });
    const started = Date.now();
    expect(await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} })).toBe(12);
    seconds = (Date.now() - started) / 1000;
    console.log(`demo seed took ${seconds.toFixed(1)} s`);
    token = await login(DEMO_ADMIN.email);
  });

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills every dashboard panel: measures in several statuses per action field, certificates, implementation', async () => {
    const dashboard = await until(
      async () => (await api('/dashboard')).body,
      (d: any) => d.byPhase.find((p: any) => p.phase === 'implementation')?.count === 4,
    );
    const statuses = new Set(dashboard.measures.filter((m: any) => m.count > 0).map((m: any) => m.status));
    expect([...statuses].sort()).toEqual(['geplant', 'in Umsetzung', 'umgesetzt', 'verzögert']);
    expect(new Set(dashboard.measures.map((m: any) => m.actionFieldId))).toEqual(new Set(['HF1', 'HF2', 'HF3', 'HF4']));
    expect(dashboard.certificates.issued).toBe(2);
    // The operator's demo keeps its stalled and overdue quarters.
    expect(dashboard.stalled + dashboard.overdue).toBeGreaterThan(0);
    expect(dashboard.total).toBe(12);

    const quarters = (await api(`/quarters?range=${range}&filter=${filter({ phase: 'implementation' })}`)).body as Array<{ name: string }>;
    expect(quarters.map((q) => q.name).sort()).toEqual([...CERTIFIED, 'Köln-Chorweiler', 'Osnabrück-Schinkel'].sort());
    const untouched = (await api(`/quarters?range=${range}&filter=${filter({ phase: 'development' })}`)).body as Array<{ name: string; currentStep: string }>;
    expect(untouched.find((q) => q.name === 'Scharnhorst-Ost')?.currentStep).toBe('kickoff');
  });

  it('certified each quarter through analysis, participation, a signed and approved Zielvereinbarung, with an annual report', async () => {
    const all = (await api(`/quarters?range=${range}`)).body as Array<{ id: string; name: string }>;
    for (const name of CERTIFIED) {
      const q = `/quarters/${all.find((x) => x.name === name)!.id}`;
      expect((await api(`${q}/analysis`)).body).toMatchObject({ status: 'submitted', priorities: expect.arrayContaining([expect.any(String)]) });
      expect((await api(`${q}/certificate`)).body).toMatchObject({ quarterName: name });
      const [version] = (await api(`${q}/agreement/versions`)).body;
      expect(version.status).toBe('approved');
      expect(version.signatures.map((s: any) => s.role).sort()).toEqual(['housing_company', 'municipality']);
      const concept = (await api(`${q}/handlungskonzept`)).body;
      expect(new Set(concept.goals.map((g: any) => g.actionFieldId))).toEqual(new Set(['HF1', 'HF2', 'HF3', 'HF4']));
      // Participation counted into the automatic indicators.
      const events = (await api(`${q}/participation-events`)).body;
      expect(events.length).toBeGreaterThanOrEqual(2);
      // Counted per calendar year (the events span the turn of the year).
      const indicatorsNow = async () => (await api(`${q}/indicators?range=${range}`)).body as Array<{ indicatorId: string; value: number }>;
      const sumOf = (list: Array<{ indicatorId: string; value: number }>, id: string) => list.filter((i) => i.indicatorId === id).reduce((n, i) => n + i.value, 0);
      // Counted by the analysis service from the actors service's events, a moment after the seed wrote them.
      const indicators = await eventually(async () => {
        const list = await indicatorsNow();
        return sumOf(list, 'participation_events') === events.length && list;
      }, 'the participation to be counted');
      const sum = (id: string) => sumOf(indicators, id);
      expect(sum('participation_events')).toBe(events.length);
      expect(sum('participants_total')).toBeGreaterThan(0);
      expect((await api(`${q}/process`)).body.phase).toBe('implementation');
    }
    const kamen = `/quarters/${all.find((x) => x.name === 'Kamen-Methler')!.id}`;
    // Certified today: the first reporting year has not ended, so the report waits as a draft.
    expect((await api(`${kamen}/reports`)).body).toEqual([expect.objectContaining({ cycle: 1, year: 1, status: 'draft' })]);
    expect((await api(`${kamen}/process`)).body.reports.find((r: any) => r.year === 1).status).not.toBe('completed');
    // Participation of a quarter still in development, without touching its process.
    const bs = all.find((x) => x.name === 'Braunschweig-Weststadt')!;
    expect((await api(`/quarters/${bs.id}/participation-events`)).body).toHaveLength(2);
    expect((await api(`/quarters/${bs.id}/process`)).body.currentStep).toBe('decision_and_signing');
  });

  it('links the demo signatories to people with signing authority; the Dortmund case officer has none', async () => {
    for (const email of ['partner.unna@genq.example', 'kommune.unna@genq.example']) {
      const own = await login(email);
      const me = (await api('/auth/me', own)).body;
      const [person] = (await api(`/people?filter=${filter({ accountId: me.id ?? me.userId })}`)).body;
      expect(person).toMatchObject({ signingAuthority: true, organisationId: me.organisationId });
    }
    const city = await login('kommune.dortmund@genq.example');
    const me = (await api('/auth/me', city)).body;
    expect((await api(`/people?filter=${filter({ accountId: me.id ?? me.userId })}`)).body).toEqual([expect.objectContaining({ signingAuthority: false })]);
    // Contacts without a login, with their function.
    const people = (await api(`/people?range=${range}`)).body as Array<{ id: string; name: string; role: string; accountId: string | null }>;
    expect(people.filter((p) => p.accountId === null).length).toBeGreaterThanOrEqual(5);
    expect(people.every((p) => p.role)).toBe(true);
    // Memberships name the people of the organisations for the quarter.
    const bs = (await api(`/quarters?range=${range}&filter=${filter({ q: 'Braunschweig' })}`)).body[0];
    const memberships = (await api(`/quarters/${bs.id}/memberships`)).body;
    expect(memberships.find((m: any) => m.organisationName === 'Stadt Braunschweig')).toMatchObject({ role: 'co_partner', personId: expect.any(String) });
    const kamen = (await api(`/quarters?range=${range}&filter=${filter({ q: 'Kamen' })}`)).body[0];
    const signatory = people.find((p) => p.name === 'Julia Sommer') as any;
    expect((await api(`/quarters/${kamen.id}/memberships`)).body.find((m: any) => m.organisationName === 'Kreis Unna')).toMatchObject({ personId: signatory.id });
  });

  it('changes nothing when seeded again, with or without its marker, and stays fast', async () => {
    const before = await snapshot();
    expect(await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} })).toBe(0);
    expect(await snapshot()).toEqual(before);
    rmSync(join(dataDir, 'seed.json'));
    expect(await seedDemo({ gatewayUrl: stack.gatewayUrl, dataDir, log: () => {} })).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(seconds).toBeLessThan(120);
  });
});
