'use strict';
/**
 * Seeds the demo programme once: two programmes (NRW and Niedersachsen) on the default
 * catalogue's calendar and a dozen quarters in several municipalities, spread over phases
 * and steps, each with its lifecycle workflow running. Goes through the public API, so the
 * demo data is made exactly as a user would make it. A marker file keeps it to once.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./stack.cjs');

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

async function call(gatewayUrl, method, route, body) {
  const res = await fetch(`${gatewayUrl}/api${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Seeds unless `<dataDir>/seed.json` says it was done; returns the number of quarters made. */
async function seedDemo({ gatewayUrl, dataDir, log = console.log, now = new Date() }) {
  const marker = path.join(dataDir, 'seed.json');
  if (fs.existsSync(marker)) return 0;
  const calendar = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8')).defaultCalendar;
  for (const p of PROGRAMMES) {
    await call(gatewayUrl, 'PUT', `/programmes/${p.id}`, { ...p, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
  }
  for (const [programmeId, name, municipality, kreis, land, housingCompany, monthsAgo, startAt] of QUARTERS) {
    await call(gatewayUrl, 'POST', '/quarters', {
      programmeId,
      name,
      municipality,
      kreis,
      land,
      housingCompany,
      startedAt: monthsBefore(now, monthsAgo),
      startAt,
    });
  }
  fs.writeFileSync(marker, JSON.stringify({ seededAt: now.toISOString(), programmes: PROGRAMMES.length, quarters: QUARTERS.length }, null, 2));
  log(`[genq] seeded ${PROGRAMMES.length} programmes and ${QUARTERS.length} demo quarters`);
  return QUARTERS.length;
}

module.exports = { seedDemo, PROGRAMMES, QUARTERS };
