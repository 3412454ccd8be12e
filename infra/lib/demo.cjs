'use strict';
/**
 * The demo accounts of the embedded default, one per role. Their password is public (it
 * is printed by `npm start` and written in the README): demo data only, never production.
 */
const DEMO_PASSWORD = 'GenQ-Demo-2026!';

/** The first programme admin: the actors service creates it at first start (GENQ_BOOTSTRAP_ADMIN_*). */
const DEMO_ADMIN = { email: 'admin@genq.example', displayName: 'Programmstelle NRW/Niedersachsen (Demo)' };

/** Made by the seed through the API, logged in as the admin. `organisation` names a seeded organisation. */
const DEMO_ACCOUNTS = [
  { email: 'operator@genq.example', displayName: 'Betreuung Programmstelle (Demo)', role: 'operator', programmes: 'all' },
  { email: 'viewer@genq.example', displayName: 'Ministerium, Lesezugriff (Demo)', role: 'viewer', programmes: 'all' },
  { email: 'facilitator@genq.example', displayName: 'Quartiersbegleitung Ruhr (Demo)', role: 'facilitator', organisation: 'Quartiersbegleitung Ruhr' },
  { email: 'partner.dortmund@genq.example', displayName: 'DOGEWO21, Projektleitung (Demo)', role: 'partner', organisation: 'DOGEWO21', canSign: true },
  { email: 'kommune.dortmund@genq.example', displayName: 'Stadt Dortmund, Stadterneuerung (Demo)', role: 'partner', organisation: 'Stadt Dortmund' },
  // Signatories of the certified quarters (Unna-Königsborn, Kamen-Methler): their signing authority comes from their person (demo-quarters.cjs).
  { email: 'partner.unna@genq.example', displayName: 'UKBS, Vorstand (Demo)', role: 'partner', organisation: 'UKBS Unnaer Kreis-Bau- und Siedlungsgesellschaft' },
  { email: 'kommune.unna@genq.example', displayName: 'Kreis Unna, Dezernat Bauen und Planen (Demo)', role: 'partner', organisation: 'Kreis Unna' },
];

/**
 * Credentials of the first programme admin: from the environment when set there, else the
 * demo admin. The launcher hands them to the actors service, and the seed signs in with them.
 */
function bootstrapAdmin(env = process.env) {
  return {
    email: env.GENQ_BOOTSTRAP_ADMIN_EMAIL || DEMO_ADMIN.email,
    password: env.GENQ_BOOTSTRAP_ADMIN_PASSWORD || DEMO_PASSWORD,
    displayName: env.GENQ_BOOTSTRAP_ADMIN_NAME || DEMO_ADMIN.displayName,
  };
}

/** What `npm start` prints: every demo account with its role. */
function demoAccountLines() {
  return [
    { email: DEMO_ADMIN.email, role: 'programme_admin', note: 'Programmstelle: alle Quartiere beider Programme, Benutzer, Audit-Log' },
    { email: 'operator@genq.example', role: 'operator', note: 'liest alle Quartiere, greift in Prozesse ein' },
    { email: 'viewer@genq.example', role: 'viewer', note: 'nur lesen, beide Programme' },
    { email: 'facilitator@genq.example', role: 'facilitator', note: 'Prozessbegleitung: Scharnhorst-Ost, Hörde Clarenberg, Bochum-Hustadt' },
    { email: 'partner.dortmund@genq.example', role: 'partner', note: 'DOGEWO21: nur Scharnhorst-Ost, zeichnungsbefugt' },
    { email: 'kommune.dortmund@genq.example', role: 'partner', note: 'Stadt Dortmund: Scharnhorst-Ost, Hörde Clarenberg, nicht zeichnungsbefugt' },
    { email: 'partner.unna@genq.example', role: 'partner', note: 'UKBS: Unna-Königsborn, Kamen-Methler (zertifiziert, Jahresbericht im Entwurf), zeichnungsbefugt' },
    { email: 'kommune.unna@genq.example', role: 'partner', note: 'Kreis Unna: Unna-Königsborn, Kamen-Methler, zeichnungsbefugt' },
  ];
}

module.exports = { DEMO_PASSWORD, DEMO_ADMIN, DEMO_ACCOUNTS, demoAccountLines, bootstrapAdmin };
