'use strict';
/**
 * Seeds the demo programme once: two programmes (NRW and Niedersachsen) on the default
 * catalogue's calendar and a dozen quarters in several municipalities, spread over phases
 * and steps, each with its lifecycle workflow running; the organisations taking part and
 * one demo account per role; the people of the organisations, and two quarters taken through
 * the development phase to a certificate, with measures in progress and an annual report
 * (demo-quarters.cjs). Goes through the public API, signed in as the first programme
 * admin, so the demo data is made exactly as a user would make it. A marker file keeps it
 * to once; every step is also safe to repeat (an older data directory is completed).
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./stack.cjs');
const { DEMO_ACCOUNTS, DEMO_PASSWORD, bootstrapAdmin } = require('./demo.cjs');
const { CERTIFIED, PEOPLE, seedPeople, seedNamedMemberships, seedCertifiedQuarters, seedParticipation, waitFor } = require('./demo-quarters.cjs');

const CATALOGUE = path.join(ROOT, 'apps', 'analysis', 'seed', 'catalogue-genq-default-1.0.0.json');

const PROGRAMMES = [
  { id: 'genq-nrw-2026', name: 'Generationengerechtes Wohnen im Quartier NRW 2026' },
  { id: 'genq-nds-2026', name: 'Generationengerechtes Wohnen im Quartier Niedersachsen 2026' },
];

/** monthsAgo: when the development phase started; startAt: where the quarter stands. */
const QUARTERS = [
  ['genq-nrw-2026', 'Scharnhorst-Ost', 'Dortmund', 'Kreisfreie Stadt Dortmund', 'Nordrhein-Westfalen', 'DOGEWO21', 0, { phase: 'development', stepKey: 'kickoff' }],
  ['genq-nrw-2026', 'Hörde Clarenberg', 'Dortmund', 'Kreisfreie Stadt Dortmund', 'Nordrhein-Westfalen', 'Vonovia SE', 2, { phase: 'development', stepKey: 'analysis' }],
  ['genq-nrw-2026', 'Bochum-Hustadt', 'Bochum', 'Kreisfreie Stadt Bochum', 'Nordrhein-Westfalen', 'VBW Bauen und Wohnen GmbH', 5, { phase: 'development', stepKey: 'analysis' }],
  ['genq-nrw-2026', 'Gelsenkirchen-Tossehof', 'Gelsenkirchen', 'Kreisfreie Stadt Gelsenkirchen', 'Nordrhein-Westfalen', 'ggw Gelsenkirchener Gemeinnützige Wohnungsgesellschaft', 4, { phase: 'development', stepKey: 'strategy_workshop' }],
  ['genq-nrw-2026', 'Unna-Königsborn', 'Unna', 'Kreis Unna', 'Nordrhein-Westfalen', 'UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft', 7, { phase: 'development', stepKey: 'participation' }],
  ['genq-nrw-2026', 'Kamen-Methler', 'Kamen', 'Kreis Unna', 'Nordrhein-Westfalen', 'UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft', 9, { phase: 'development', stepKey: 'goals_workshop' }],
  ['genq-nrw-2026', 'Köln-Chorweiler', 'Köln', 'Kreisfreie Stadt Köln', 'Nordrhein-Westfalen', 'GAG Immobilien AG', 14, { phase: 'implementation' }],
  ['genq-nds-2026', 'Hannover-Sahlkamp', 'Hannover', 'Region Hannover', 'Niedersachsen', 'hanova Wohnen GmbH', 1, { phase: 'development', stepKey: 'kickoff' }],
  ['genq-nds-2026', 'Garbsen-Auf der Horst', 'Garbsen', 'Region Hannover', 'Niedersachsen', 'KSG Hannover GmbH', 3, { phase: 'development', stepKey: 'analysis' }],
  ['genq-nds-2026', 'Braunschweig-Weststadt', 'Braunschweig', 'Kreisfreie Stadt Braunschweig', 'Niedersachsen', 'Nibelungen-Wohnbau-GmbH', 10, { phase: 'development', stepKey: 'decision_and_signing' }],
  ['genq-nds-2026', 'Göttingen-Holtenser Berg', 'Göttingen', 'Landkreis Göttingen', 'Niedersachsen', 'Städtische Wohnungsbau GmbH Göttingen', 12, { phase: 'development', stepKey: 'review_and_certification' }],
  ['genq-nds-2026', 'Osnabrück-Schinkel', 'Osnabrück', 'Kreisfreie Stadt Osnabrück', 'Niedersachsen', 'WiO Wohnen in Osnabrück GmbH', 20, { phase: 'implementation' }],
];

function monthsBefore(now, months) {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Organisations besides the quarters' housing companies: [programme, name, type, ags, [quarter, role]...]. */
const ORGANISATIONS = [
  ['genq-nrw-2026', 'Stadt Dortmund', 'municipality', '05913000', [['Scharnhorst-Ost', 'co_partner'], ['Hörde Clarenberg', 'co_partner']]],
  ['genq-nrw-2026', 'Quartiersbegleitung Ruhr', 'facilitation', undefined, [['Scharnhorst-Ost', 'facilitator'], ['Hörde Clarenberg', 'facilitator'], ['Bochum-Hustadt', 'facilitator']]],
  ['genq-nds-2026', 'Region Hannover', 'municipality', '03241001', [['Hannover-Sahlkamp', 'co_partner'], ['Garbsen-Auf der Horst', 'co_partner']]],
  // Their memberships name a person of theirs (NAMED_MEMBERSHIPS in demo-quarters.cjs).
  ['genq-nds-2026', 'Stadt Braunschweig', 'municipality', '03101000', []],
  ['genq-nds-2026', 'AWO Kreisverband Braunschweig', 'welfare_organisation', undefined, []],
  ['genq-nds-2026', 'Stadt Göttingen', 'municipality', '03159016', []],
  ['genq-nds-2026', 'Stadtteilbüro Holtenser Berg e. V.', 'initiative', undefined, []],
  ['genq-nrw-2026', 'Kreis Unna', 'municipality', '05978000', []],
];

/** Bumped when the seed learns more, so an older data directory is completed once. */
const SEED_VERSION = 3;

/** Signs in and returns a caller of the API with that session's access token. */
async function signIn(gatewayUrl, email, password) {
  const res = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${email} answered ${res.status}: ${await res.text()}`);
  const { accessToken } = await res.json();
  return async function call(method, route, body, { allow = [] } = {}) {
    const r = await fetch(`${gatewayUrl}/api${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok && !allow.includes(r.status)) throw new Error(`${method} ${route} answered ${r.status}: ${await r.text()}`);
    return { status: r.status, body: r.status === 204 ? undefined : await r.json() };
  };
}

/** Registers an organisation, or finds it when it exists (a repeated seed). */
async function organisation(call, programmeId, name, type, ags) {
  const made = await call('POST', '/organisations', { programmeId, name, type, ...(ags ? { ags } : {}) }, { allow: [409] });
  if (made.status !== 409) return made.body;
  const filter = encodeURIComponent(JSON.stringify({ programmeId, q: name }));
  const found = await call('GET', `/organisations?filter=${filter}&range=[0,99]`);
  return found.body.find((o) => o.name === name);
}

/** Seeds unless `<dataDir>/seed.json` says it was done; returns the number of quarters made. */
async function seedDemo({ gatewayUrl, dataDir, log = console.log, now = new Date() }) {
  const marker = path.join(dataDir, 'seed.json');
  if (fs.existsSync(marker) && (JSON.parse(fs.readFileSync(marker, 'utf8')).version ?? 1) >= SEED_VERSION) return 0;
  const started = Date.now();
  const admin = bootstrapAdmin();
  const call = await signIn(gatewayUrl, admin.email, admin.password);
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
  const calendar = catalogue.defaultCalendar;
  for (const p of PROGRAMMES) {
    await call('PUT', `/programmes/${p.id}`, { ...p, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
  }
  const organisations = new Map();
  for (const [programmeId, , , , , housingCompany] of QUARTERS) {
    const key = `${programmeId}|${housingCompany}`;
    if (!organisations.has(key)) organisations.set(key, await organisation(call, programmeId, housingCompany, 'housing_company'));
  }
  for (const [programmeId, name, type, ags] of ORGANISATIONS) {
    organisations.set(`${programmeId}|${name}`, await organisation(call, programmeId, name, type, ags));
  }
  for (const a of DEMO_ACCOUNTS) {
    const org = a.organisation ? [...organisations.values()].find((o) => o.name === a.organisation) : undefined;
    await call(
      'POST',
      '/accounts',
      {
        email: a.email,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        role: a.role,
        ...(a.programmes === 'all' ? { programmeIds: PROGRAMMES.map((p) => p.id) } : {}),
        ...(org ? { organisationId: org.id } : {}),
        ...(a.canSign ? { canSign: true } : {}),
      },
      { allow: [409] },
    );
  }
  const people = await seedPeople(call, organisations);

  const quarterIds = new Map();
  let made = 0;
  /** Registers quarters with their members: the housing company is the lead partner, so its partner users see the quarter. */
  const register = async (quarters) => {
    for (const [programmeId, name, municipality, kreis, land, housingCompany, monthsAgo, startAt] of quarters) {
      const q = await call('POST', '/quarters', { programmeId, name, municipality, kreis, land, housingCompany, startedAt: monthsBefore(now, monthsAgo), startAt });
      quarterIds.set(name, q.body.id);
      if (q.status === 201) made++;
      const lead = organisations.get(`${programmeId}|${housingCompany}`);
      await call('POST', `/quarters/${q.body.id}/memberships`, { organisationId: lead.id, role: 'lead_partner' }, { allow: [409] });
      for (const [orgProgramme, orgName, , , memberships] of ORGANISATIONS) {
        for (const [, role] of memberships.filter(([quarter]) => quarter === name)) {
          const org = organisations.get(`${orgProgramme}|${orgName}`);
          await call('POST', `/quarters/${q.body.id}/memberships`, { organisationId: org.id, role }, { allow: [409] });
        }
      }
      await seedNamedMemberships(call, name, q.body.id, organisations, people);
    }
    // The worker starts each workflow from actors' quarter.registered a moment after the
    // registration: wait for every one before their processes are read or moved on.
    for (const [, name] of quarters) {
      const id = quarterIds.get(name);
      await waitFor(async () => Boolean((await call('GET', `/quarters/${id}`)).body.workflowStartedAt), `quarter ${name}: its workflow to start`);
    }
  };
  // The quarters to certify first, the others after them: the newest entries of the audit log
  // (the first page the programme office sees) then show quarters being registered.
  const toCertify = new Set(CERTIFIED.map((c) => c.quarter));
  await register(QUARTERS.filter((q) => toCertify.has(q[1])));
  const certified = await seedCertifiedQuarters({
    call,
    signIn: (email) => signIn(gatewayUrl, email, DEMO_PASSWORD),
    quarterIds,
    organisations,
    people,
    catalogue,
    now,
  });
  await register(QUARTERS.filter((q) => !toCertify.has(q[1])));
  await seedParticipation(call, quarterIds, now);
  fs.writeFileSync(
    marker,
    JSON.stringify(
      { version: SEED_VERSION, seededAt: now.toISOString(), programmes: PROGRAMMES.length, quarters: QUARTERS.length, certified, people: PEOPLE.length, accounts: DEMO_ACCOUNTS.length + 1 },
      null,
      2,
    ),
  );
  log(
    `[genq] seeded ${PROGRAMMES.length} programmes, ${QUARTERS.length} demo quarters (${certified} certified, in implementation), their organisations, ${PEOPLE.length} people and ${DEMO_ACCOUNTS.length + 1} demo accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return made;
}

module.exports = { seedDemo, signIn, PROGRAMMES, QUARTERS, ORGANISATIONS };
