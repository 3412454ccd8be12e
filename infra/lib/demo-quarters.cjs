'use strict';
/**
 * The demo's certified quarters and the people of the demo organisations. Two quarters go
 * the whole development phase through the public API, as their partners and the programme
 * office would: analysis with indicator values and ratings, priorities of the strategy
 * workshop, participation events, goals and measures in all four action fields, a
 * Zielvereinbarung signed by the housing company and the municipality and approved by the
 * programme office (certificate, implementation phase); then measures make progress and one
 * quarter drafts its first annual report (submitted once its reporting year has ended). Every step looks first whether it was done, so a
 * repeated run (an older data directory, a run cut short) adds only what is missing.
 */

/**
 * People of the demo organisations: [organisation, name, role, e-mail, phone, signing authority, account].
 * A person linked to an account gives it the signing authority (Zeichnungsbefugnis) for its organisation.
 */
const PEOPLE = [
  ['DOGEWO21', 'Sabine Keller', 'Geschäftsführerin', 'sabine.keller@dogewo21.example', '+49 231 1083 100', true, 'partner.dortmund@genq.example'],
  ['DOGEWO21', 'Tim Brückner', 'Projektleitung Quartiersentwicklung', 'tim.brueckner@dogewo21.example', '+49 231 1083 245', false],
  // The city's demo account is a case officer without signing authority; the signatory has no login.
  ['Stadt Dortmund', 'Markus Lehmann', 'Sachbearbeitung Stadterneuerung', 'markus.lehmann@stadtdo.example', '+49 231 50 22 311', false, 'kommune.dortmund@genq.example'],
  ['Stadt Dortmund', 'Dr. Claudia Reinhardt', 'Beigeordnete für Planen und Bauen', 'claudia.reinhardt@stadtdo.example', '+49 231 50 22 000', true],
  ['Quartiersbegleitung Ruhr', 'Tobias Wagner', 'Quartiersmanager', 'tobias.wagner@qb-ruhr.example', '+49 234 912 77 10', false],
  ['Region Hannover', 'Frauke Peters', 'Team Wohnungsbauförderung', 'frauke.peters@region-hannover.example', '+49 511 616 22 410', false],
  ['Nibelungen-Wohnbau-GmbH', 'Dr. Katrin Albers', 'Geschäftsführerin', 'katrin.albers@nibelungen.example', '+49 531 30 03 100', true],
  ['Nibelungen-Wohnbau-GmbH', 'Jens Möller', 'Projektleitung Weststadt', 'jens.moeller@nibelungen.example', '+49 531 30 03 214', false],
  ['Stadt Braunschweig', 'Bettina Krüger', 'Stadtbaurätin', 'bettina.krueger@braunschweig.example', '+49 531 470 2000', true],
  ['Stadt Braunschweig', 'Ömer Yıldız', 'Sozialplanung', 'oemer.yildiz@braunschweig.example', '+49 531 470 8512', false],
  ['AWO Kreisverband Braunschweig', 'Sandra Kühn', 'Quartiersmanagerin Weststadt', 'sandra.kuehn@awo-bs.example', '+49 531 39 08 40', false],
  ['Städtische Wohnungsbau GmbH Göttingen', 'Michael Brandt', 'Geschäftsführer', 'michael.brandt@swb-goe.example', '+49 551 39 97 100', true],
  ['Städtische Wohnungsbau GmbH Göttingen', 'Lena Hoffmann', 'Mieterbetreuung Holtenser Berg', 'lena.hoffmann@swb-goe.example', '+49 551 39 97 230', false],
  ['Stadt Göttingen', 'Petra Wegner', 'Dezernentin für Bauen und Planung', 'petra.wegner@goettingen.example', '+49 551 400 2300', true],
  ['Stadtteilbüro Holtenser Berg e. V.', 'Hans-Peter Ahrens', 'Sprecher des Mieterbeirats', 'hp.ahrens@holtenser-berg.example', '+49 551 7 90 12 34', false],
  ['UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft', 'Andreas Vogt', 'Vorstand', 'andreas.vogt@ukbs.example', '+49 2303 2877 100', true, 'partner.unna@genq.example'],
  ['UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft', 'Miriam Schulte', 'Sozialmanagement', 'miriam.schulte@ukbs.example', '+49 2303 2877 260', false],
  ['Kreis Unna', 'Julia Sommer', 'Dezernentin für Bauen und Planen', 'julia.sommer@kreis-unna.example', '+49 2303 27 1000', true, 'kommune.unna@genq.example'],
  ['Kreis Unna', 'Frank Bremer', 'Fachbereich Mobilität und Planung', 'frank.bremer@kreis-unna.example', '+49 2303 27 1610', false],
];

/** Added to quarters with the person named for the organisation there: [quarter, organisation, role, person]. */
const NAMED_MEMBERSHIPS = [
  ['Braunschweig-Weststadt', 'Stadt Braunschweig', 'co_partner', 'Bettina Krüger'],
  ['Braunschweig-Weststadt', 'AWO Kreisverband Braunschweig', 'cooperation_partner', 'Sandra Kühn'],
  ['Göttingen-Holtenser Berg', 'Stadt Göttingen', 'co_partner', 'Petra Wegner'],
  ['Göttingen-Holtenser Berg', 'Stadtteilbüro Holtenser Berg e. V.', 'residents_representation', 'Hans-Peter Ahrens'],
  ['Unna-Königsborn', 'Kreis Unna', 'co_partner', 'Julia Sommer'],
  ['Kamen-Methler', 'Kreis Unna', 'co_partner', 'Julia Sommer'],
];

/** Measure statuses on the way to a target status, as a quarter reports its progress. */
const STATUS_PATH = { geplant: [], 'in Umsetzung': ['in Umsetzung'], umgesetzt: ['in Umsetzung', 'umgesetzt'], verzögert: ['in Umsetzung', 'verzögert'] };

/**
 * The certified quarters. Measures: [title, kind, owner ('company' | 'city' | organisation),
 * start (months after the window opens), months, cost, status after certification].
 */
const CERTIFIED = [
  {
    quarter: 'Kamen-Methler',
    company: 'UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft',
    city: 'Kreis Unna',
    companySigner: 'partner.unna@genq.example',
    citySigner: 'kommune.unna@genq.example',
    team: { companyLead: 'Miriam Schulte', municipalityLead: 'Frank Bremer', facilitator: 'Tobias Wagner' },
    ratings: { HF1: 2, HF2: 1, HF3: 2, HF4: 1 },
    priorities: ['HF2.1', 'HF2.4', 'HF4.1', 'HF3.4'],
    indicators: { residents_total: 3240, residents_age_65_79: 610, residents_age_80plus: 240, households_total: 1690, flats_total: 1520, flats_company: 960, flats_barrier_free: 30, flats_low_barrier: 120, flats_with_lift: 310, flats_price_bound: 380, rent_net_cold_per_sqm: 5.9, vacancy_rate: 2.4, dist_grocery_m: 650, dist_transit_stop_m: 400, dist_meeting_place_m: 900 },
    participation: [
      ['quarter_walk', 8, { '18-64': 14, '65-79': 11, '80+': 3 }, 'Stolperstellen am Weg zum Bahnhof Methler; Bänke am Weg zum Einkauf fehlen'],
      ['workshop', 7, { '6-17': 6, '18-64': 22, '65-79': 15, '80+': 4 }, 'Wunsch nach einem Treffpunkt für alle Generationen im Quartier'],
      ['survey', 6, { '18-64': 96, '65-79': 58, '80+': 17 }, 'Zwei Drittel der Älteren wünschen eine Wohnberatung vor Ort'],
    ],
    goals: [
      ['HF1', 'Quartiersmanagement dauerhaft verankern', 'Sitzungen der Steuerungsgruppe pro Jahr', '0', '4', ['Seniorinnen und Senioren', 'Familien'], [
        ['Steuerungsgruppe Wohnungsunternehmen, Stadt Kamen und Kreis einrichten', 'mittelbar', 'city', 0, 3, 0, 'umgesetzt'],
      ]],
      ['HF2', 'Barrierearme Wohnungen im Bestand schaffen', 'Barrierearme Wohnungen', '120', '220', ['Seniorinnen und Senioren', 'Hochbetagte'], [
        ['Barrierearmer Umbau von 100 Wohnungen bei Mieterwechsel', 'unmittelbar', 'company', 2, 30, 1500000, 'in Umsetzung'],
        ['Aufzüge in vier Häusern am Westicker Weg nachrüsten', 'unmittelbar', 'company', 6, 24, 640000, 'verzögert'],
        ['Wohnberatung für Ältere im Mieterbüro', 'unmittelbar', 'company', 0, 3, 18000, 'umgesetzt'],
      ]],
      ['HF2', 'Umzüge innerhalb des Quartiers erleichtern', 'Umzüge innerhalb des Quartiers pro Jahr', '8', '20', ['Seniorinnen und Senioren'], [
        ['Wohnungstauschbörse mit Umzugshilfe', 'unmittelbar', 'company', 3, 33, 45000, 'geplant'],
      ]],
      ['HF3', 'Sichere Wege zu Nahversorgung und Bus', 'Barrierefreie Haltestellen', '1', '4', ['Menschen mit Beeinträchtigungen', 'Seniorinnen und Senioren'], [
        ['Drei Bushaltestellen barrierefrei ausbauen', 'unmittelbar', 'city', 4, 20, 290000, 'geplant'],
        ['Ruhebänke entlang der Einkaufswege aufstellen', 'unmittelbar', 'city', 1, 6, 24000, 'in Umsetzung'],
      ]],
      ['HF4', 'Einen Begegnungsort für alle Generationen öffnen', 'Angebote pro Woche im Quartierstreff', '0', '10', ['Familien', 'Seniorinnen und Senioren', 'Jugendliche'], [
        ['Quartierstreff im Erdgeschoss Methler Straße einrichten', 'unmittelbar', 'company', 2, 10, 160000, 'geplant'],
        ['Nachbarschaftsnetz „Methler hilft“ mit Koordinationsstelle', 'mittelbar', 'city', 1, 33, 96000, 'in Umsetzung'],
      ]],
    ],
    report: {
      text: 'Im ersten Jahr hat das Mieterbüro die Wohnberatung aufgenommen und die Steuerungsgruppe tagt regelmäßig. Die Aufzüge am Westicker Weg verzögern sich, weil der Hersteller nicht liefern kann.',
      changes: [{ description: 'Aufzüge am Westicker Weg erst im zweiten Jahr', reason: 'Lieferverzug beim Aufzugshersteller' }],
      indicators: [{ key: 'Barrierearme Wohnungen', value: '136' }, { key: 'Sitzungen der Steuerungsgruppe pro Jahr', value: '4' }],
    },
  },
  {
    quarter: 'Unna-Königsborn',
    company: 'UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft',
    city: 'Kreis Unna',
    companySigner: 'partner.unna@genq.example',
    citySigner: 'kommune.unna@genq.example',
    team: { companyLead: 'Andreas Vogt', municipalityLead: 'Julia Sommer', facilitator: 'Tobias Wagner' },
    ratings: { HF1: 1, HF2: 2, HF3: 2, HF4: 1 },
    priorities: ['HF1.4', 'HF4.1', 'HF2.3'],
    indicators: { residents_total: 2860, residents_age_65_79: 520, residents_age_80plus: 190, households_total: 1510, flats_total: 1390, flats_company: 820, flats_barrier_free: 24, flats_low_barrier: 95, flats_price_bound: 410, rent_net_cold_per_sqm: 5.8, vacancy_rate: 3.2, dist_grocery_m: 350, dist_meeting_place_m: 1200 },
    participation: [
      ['survey', 5, { '18-64': 64, '65-79': 41, '80+': 12 }, 'Beteiligungsbefragung: Treffpunkt und Hilfe im Alltag stehen oben'],
      ['workshop', 4, { '6-17': 9, '18-64': 17, '65-79': 13, '80+': 2 }, 'Ideenwerkstatt für den Kurpark-Pavillon'],
    ],
    goals: [
      ['HF1', 'Bewohnende dauerhaft beteiligen', 'Beteiligungsveranstaltungen pro Jahr', '2', '6', ['Familien', 'Seniorinnen und Senioren'], [
        ['Quartiersbeirat mit Bewohnenden gründen', 'mittelbar', 'city', 1, 5, 8000, 'in Umsetzung'],
      ]],
      ['HF2', 'Bezahlbares Wohnen für Ältere sichern', 'Preisgebundene barrierearme Wohnungen', '40', '90', ['Seniorinnen und Senioren'], [
        ['Modernisierung Friedrich-Ebert-Straße mit Mietpreisbindung', 'unmittelbar', 'company', 6, 26, 3400000, 'geplant'],
      ]],
      ['HF3', 'Den Kurpark barrierefrei erschließen', 'Barrierefreie Zugänge', '1', '4', ['Menschen mit Beeinträchtigungen', 'Seniorinnen und Senioren'], [
        ['Wege im Kurpark barrierefrei ausbauen', 'unmittelbar', 'city', 8, 14, 420000, 'geplant'],
      ]],
      ['HF4', 'Begegnung im Kurpark-Pavillon ermöglichen', 'Offene Angebote pro Woche', '0', '6', ['Kinder', 'Familien', 'Seniorinnen und Senioren'], [
        ['Pavillon als Nachbarschaftstreff umbauen', 'unmittelbar', 'company', 4, 12, 280000, 'geplant'],
        ['Generationencafé mit Ehrenamtlichen', 'mittelbar', 'city', 2, 30, 36000, 'geplant'],
      ]],
    ],
  },
];

/** Participation events of quarters still in development, recorded by the programme office: [type, months ago, participants, outcome]. */
const PARTICIPATION = {
  'Braunschweig-Weststadt': [
    ['conference', 9, { '18-64': 38, '65-79': 21, '80+': 6 }, 'Stadtteilkonferenz: Hausarztpraxis und Pflegeberatung im Quartier fehlen'],
    ['workshop', 8, { '6-17': 12, '18-64': 19, '65-79': 9 }, 'Jugendliche wünschen einen Treffpunkt am Abend'],
  ],
  'Göttingen-Holtenser Berg': [['quarter_walk', 10, { '18-64': 11, '65-79': 9, '80+': 2 }, 'Quartiersspaziergang: dunkle Wege zwischen den Hochhäusern, fehlende Rampen']],
};

const q = (o) => encodeURIComponent(JSON.stringify(o));

function dateOnly(d) {
  return d.toISOString().slice(0, 10);
}

function monthsAfter(date, months) {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** Records the people of the demo organisations (found by name when there), linked to their accounts. */
async function seedPeople(call, organisations) {
  const byName = new Map([...organisations.values()].map((o) => [o.name, o]));
  const people = new Map();
  for (const [organisation, name, role, email, phone, signingAuthority, accountEmail] of PEOPLE) {
    const org = byName.get(organisation);
    if (!org) throw new Error(`demo person ${name}: no organisation ${organisation}`);
    // By organisation, not by search: a search need not match every name (Yıldız).
    const found = await call('GET', `/people?filter=${q({ organisationId: org.id })}&range=[0,99]`);
    let person = found.body.find((p) => p.name === name);
    if (!person) {
      let accountId;
      if (accountEmail) {
        const accounts = await call('GET', `/accounts?filter=${q({ q: accountEmail })}&range=[0,9]`);
        accountId = accounts.body.find((a) => a.email === accountEmail)?.id;
      }
      person = (await call('POST', '/people', { organisationId: org.id, name, role, email, phone, signingAuthority, ...(accountId ? { accountId } : {}) })).body;
    }
    people.set(name, person);
  }
  return people;
}

/** Adds the quarter's memberships that name a person for their organisation. */
async function seedNamedMemberships(call, quarter, quarterId, organisations, people) {
  const byName = new Map([...organisations.values()].map((o) => [o.name, o]));
  for (const [, organisation, role, person] of NAMED_MEMBERSHIPS.filter(([name]) => name === quarter)) {
    const body = { organisationId: byName.get(organisation).id, personId: people.get(person).id, role };
    await call('POST', `/quarters/${quarterId}/memberships`, body, { allow: [409] });
  }
}

/** Participation events of quarters in development, recorded by the programme office; their processes are not touched. */
async function seedParticipation(call, quarterIds, now) {
  for (const [quarter, events] of Object.entries(PARTICIPATION)) await recordParticipation(call, quarterIds.get(quarter), events, now);
}

/** Participation events not recorded yet; each recomputes the quarter's automatic participation indicators. */
async function recordParticipation(call, id, events, now) {
  const recorded = (await call('GET', `/quarters/${id}/participation-events`)).body;
  for (const [type, monthsAgo, participants, outcome] of events) {
    if (recorded.some((e) => e.outcome === outcome)) continue;
    await call('POST', `/quarters/${id}/participation-events`, { type, date: dateOnly(monthsAfter(now, -monthsAgo)), participants, outcome });
  }
}

/**
 * Kick-off, analysis, strategy workshop and participation: the steps before the goals
 * workshop, each completed by its deliverable (as the partners record it) and only if not
 * recorded yet.
 */
async function developQuarter(call, id, c, catalogue, people, now) {
  const steps = async () => new Map((await call('GET', `/quarters/${id}/process`)).body.steps.map((s) => [s.key, s.status]));
  const open = (status) => status !== 'completed' && status !== 'waived';
  if ((await call('GET', `/quarters/${id}/kickoff`)).status === 204) {
    const kickoffDay = dateOnly(monthsAfter(now, -11));
    await call('POST', `/quarters/${id}/kickoff`, {
      date: kickoffDay,
      housingCompanyLeadId: people.get(c.team.companyLead).id,
      municipalityLeadId: people.get(c.team.municipalityLead).id,
      facilitatorId: people.get(c.team.facilitator).id,
      declarationSignedOn: kickoffDay,
      notes: 'Auftakt im Mieterbüro mit Wohnungsunternehmen, Kreis und Quartiersbegleitung',
    });
  }

  const analysis = (await call('GET', `/quarters/${id}/analysis`)).body;
  if (analysis.status !== 'submitted') {
    const referenceDate = `${now.getUTCFullYear() - 1}-12-31`;
    const values = Object.entries(c.indicators).map(([indicatorId, value]) => ({ indicatorId, referenceDate, value, source: `Quartiersanalyse ${now.getUTCFullYear()}` }));
    await call('PUT', `/quarters/${id}/indicators`, { values });
    // A profile with its own shape: each field's level, one criterion better and one worse.
    const ratings = catalogue.actionFields.flatMap((af) =>
      af.criteria.map((cr, i) => ({
        criterionId: cr.id,
        rating: Math.max(0, Math.min(3, c.ratings[af.id] + (i === 0 ? 1 : i === 1 ? -1 : 0))),
        evidence: `Quartiersanalyse, Begehung und Interviews (${cr.name})`,
      })),
    );
    await call('PUT', `/quarters/${id}/ratings`, { ratings });
    await call('POST', `/quarters/${id}/analysis/submit`);
  }
  if (!analysis.priorities?.length) await call('POST', `/quarters/${id}/analysis/priorities`, { priorities: c.priorities });

  await recordParticipation(call, id, c.participation, now);
  if ((await call('GET', `/quarters/${id}/participation-record`)).status === 204) {
    await call('POST', `/quarters/${id}/participation-record`, {
      closedOn: dateOnly(monthsAfter(now, -4)),
      proposals: c.participation.map(([, , , outcome]) => ({ text: outcome })),
      summary: `${c.participation.length} Beteiligungsformate mit Bewohnerinnen und Bewohnern aller Generationen`,
    });
  }
  // The services' facts reach the process through the event stream: wait until it took them.
  await waitFor(async () => {
    const done = await steps();
    return ['kickoff', 'analysis', 'strategy_workshop', 'participation'].every((key) => !open(done.get(key)));
  }, `quarter ${id}: the process to take kick-off, analysis, priorities and participation`);
}

/** The goals workshop on the drafted concept, once (a quarter certified before has its workshop). */
async function recordGoalsWorkshop(partner, id, c, now) {
  if ((await partner('GET', `/quarters/${id}/goals-workshops`)).body.length > 0) return;
  await partner('POST', `/quarters/${id}/goals-workshops`, {
    date: dateOnly(monthsAfter(now, -3)),
    participants: `${c.company}, ${c.city}, Quartiersbegleitung Ruhr`,
    notes: 'Ziele und Maßnahmen in allen vier Handlungsfeldern abgestimmt',
  });
}

/** Goals and measures as the housing company drafts them; missing ones only. */
async function draftConcept(partner, id, c, orgIds, windowStart) {
  const concept = (await partner('GET', `/quarters/${id}/handlungskonzept`)).body;
  const owner = (o) => (o === 'company' ? orgIds.get(c.company) : o === 'city' ? orgIds.get(c.city) : orgIds.get(o));
  for (const [actionFieldId, title, indicator, baseline, targetValue, targetGroups, measures] of c.goals) {
    const goal =
      concept.goals.find((g) => g.title === title) ??
      (await partner('POST', `/quarters/${id}/goals`, { actionFieldId, title, indicator, baseline, targetValue, targetDate: dateOnly(monthsAfter(windowStart, 35)), targetGroups })).body;
    for (const [mTitle, kind, o, start, months, cost] of measures) {
      if (goal.measures?.some((m) => m.title === mTitle)) continue;
      const ownerOrganisationId = owner(o);
      const partners = [orgIds.get(c.company), orgIds.get(c.city)].filter((p) => p !== ownerOrganisationId);
      const funding = cost ? [{ source: o === 'city' ? 'municipality' : o === 'company' ? 'company' : 'state_programme', amount: cost }] : [];
      await partner('POST', `/quarters/${id}/measures`, {
        goalId: goal.id,
        title: mTitle,
        kind,
        ownerOrganisationId,
        partnerOrganisationIds: partners,
        targetGroups,
        start: dateOnly(monthsAfter(windowStart, start)),
        end: dateOnly(monthsAfter(windowStart, start + months)),
        cost,
        funding,
      });
    }
  }
}

/** Submission, both signatures and the programme office's approval, as far as not done yet. */
async function certify(admin, partner, city, id, windowStart) {
  const current = async () => (await admin('GET', `/quarters/${id}/agreement/versions`)).body.find((v) => ['submitted', 'binding', 'approved'].includes(v.status));
  let version = await current();
  if (!version) version = (await partner('POST', `/quarters/${id}/agreement/versions`, { weakActionFields: [], windowStart: dateOnly(windowStart) })).body;
  for (const [signer, party] of [
    [partner, 'housing_company'],
    [city, 'municipality'],
  ]) {
    version = await current();
    if (version.status === 'submitted' && !version.signatures.some((s) => s.role === party)) {
      await signer('POST', `/quarters/${id}/agreement/versions/${version.id}/signatures`);
    }
  }
  version = await current();
  if (version.status === 'binding') await admin('POST', `/quarters/${id}/agreement/versions/${version.id}/review`, { decision: 'approved' });
  // The process hears of the approval through the event stream, and the certificate follows
  // the process: wait for both, so the demo shows them agreeing.
  await waitFor(async () => {
    const [process, certificate] = await Promise.all([admin('GET', `/quarters/${id}/process`), admin('GET', `/quarters/${id}/certificate`, undefined, { allow: [404] })]);
    return process.body.phase === 'implementation' && certificate.body?.validUntil === process.body.certificateValidUntil;
  }, `quarter ${id}: the process to take the certification and the certificate to follow it`);
}

/** Polls until `done()` holds: facts travel between the services and the process a moment after the request. */
async function waitFor(done, what, timeoutMs = 60_000) {
  for (const until = Date.now() + timeoutMs; !(await done()); ) {
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Progress of the measures after certification, reported by the housing company. */
async function reportProgress(admin, partner, id, c) {
  const target = new Map(c.goals.flatMap((g) => g[6].map((m) => [m[0], m[6]])));
  const concept = (await admin('GET', `/quarters/${id}/handlungskonzept`)).body;
  for (const m of concept.goals.flatMap((g) => g.measures)) {
    const path = STATUS_PATH[target.get(m.title) ?? 'geplant'];
    const done = m.statusHistory.map((h) => h.status);
    for (const status of path) {
      if (done.includes(status)) continue;
      await partner('POST', `/quarters/${id}/measures/${m.id}/status`, {
        status,
        ...(status === 'verzögert' ? { reason: 'Lieferengpässe und fehlende Handwerkskapazitäten' } : {}),
      });
    }
  }
  if (!c.report) return;
  const reports = (await admin('GET', `/quarters/${id}/reports`)).body;
  let report = reports.find((r) => r.year === 1);
  if (!report) {
    const measures = concept.goals.flatMap((g) => g.measures).map((m) => ({ measureId: m.id, status: target.get(m.title) ?? 'geplant' }));
    const goalOf = (title) => concept.goals.find((g) => g.indicator === title)?.id;
    const indicators = c.report.indicators.map((i) => ({ ...i, ...(goalOf(i.key) ? { goalId: goalOf(i.key) } : {}) }));
    report = (await partner('POST', `/quarters/${id}/reports`, { year: 1, text: c.report.text, changes: c.report.changes, indicators, measures })).body;
  }
  // Submitted once its reporting year has ended, by the schedule the process announced with the
  // certification; a quarter certified just now keeps its report as a draft until then.
  const certificate = (await admin('GET', `/quarters/${id}/certificate`)).body;
  const window = certificate.reportWindows?.find((w) => w.year === 1);
  if (report.status === 'draft' && window && new Date(window.opensAt) <= new Date()) await partner('POST', `/quarters/${id}/reports/${report.id}/submission`);
}

/**
 * A caller that signs in on its first request, once per account: logins are rate-limited per
 * client address (LOGIN_RATE_LIMIT_PER_MINUTE), and whoever starts the demo signs in next.
 */
function lazily(signIn) {
  const sessions = new Map();
  return (email) =>
    async (...args) => {
      if (!sessions.has(email)) sessions.set(email, signIn(email));
      return (await sessions.get(email))(...args);
    };
}

/**
 * Takes the certified demo quarters through the development phase and into implementation.
 * `signIn(email)` returns a caller
 * signed in as that demo account; each signatory signs in once, and only if needed.
 */
async function seedCertifiedQuarters({ call, signIn, quarterIds, organisations, people, catalogue, now }) {
  const orgIds = new Map([...organisations.values()].map((o) => [o.name, o.id]));
  const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const as = lazily(signIn);
  let certified = 0;
  for (const c of CERTIFIED) {
    const id = quarterIds.get(c.quarter);
    const partner = as(c.companySigner);
    const city = as(c.citySigner);
    if ((await call('GET', `/quarters/${id}/certificate`, undefined, { allow: [404] })).status === 404) {
      await developQuarter(call, id, c, catalogue, people, now);
      await draftConcept(partner, id, c, orgIds, windowStart);
      await recordGoalsWorkshop(partner, id, c, now);
      await certify(call, partner, city, id, windowStart);
    }
    await reportProgress(call, partner, id, c);
    certified++;
  }
  return certified;
}

module.exports = { PEOPLE, NAMED_MEMBERSHIPS, CERTIFIED, PARTICIPATION, seedPeople, seedNamedMemberships, seedCertifiedQuarters, seedParticipation, waitFor };
