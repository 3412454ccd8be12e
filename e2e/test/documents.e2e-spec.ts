import { DEMO_PASSWORD } from '@genq/infra';
import { pdfText } from '@genq/documents';
import { adminWithProgramme, createQuarter, startTestStack, type TestStack } from './support/api';

/**
 * Issue 17: the four documents besides the Zielvereinbarung, the certificate and the annual
 * report, downloaded over HTTP from the running system and read back as text: the
 * Quartiersanalyse summary and the Stärken-Schwächen-Profil (analysis service), the
 * Handlungskonzept (agreements service) and the programme report (actors service, which asks
 * the other two over NATS). German labels and dates, the catalogue's names, no raw keys.
 */
jest.setTimeout(10 * 60_000);

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('every document as a PDF', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-documents';

  beforeAll(async () => {
    env = await startTestStack('documents');
    admin = await adminWithProgramme(env, P, 'GenQ Dokumente 2027');
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  const download = async (token: string, path: string, status = 200) => {
    const res = await fetch(`${env.gatewayUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(status);
    if (status !== 200) return { text: '', disposition: '' };
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { text: flat(await pdfText(bytes)), disposition: res.headers.get('content-disposition') ?? '' };
  };

  it('downloads the analysis summary, the profile, the Handlungskonzept and the programme report with their content', async () => {
    const as = env.apiAs(admin);
    const quarter = await createQuarter(as, { name: 'Dortmund Nordstadt', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const company = (await as('POST', '/organisations', { name: 'DOGEWO21 GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    await as('POST', `${q}/memberships`, { organisationId: company, role: 'lead_partner' }, 201);

    // The analysis: indicator values with reference dates, some ratings.
    await as('PUT', `${q}/indicators`, { values: [{ indicatorId: 'residents_total', referenceDate: '2026-12-31', value: 4120 }] }, 200);
    await as('PUT', `${q}/ratings`, { ratings: [{ criterionId: 'HF1.1', rating: 3, evidence: 'Lenkungskreis tagt monatlich' }, { criterionId: 'HF1.2', rating: 1 }] }, 200);

    const summary = await download(admin, `${q}/analysis/pdf`);
    expect(summary.disposition).toMatch(/attachment; filename="quartiersanalyse-\d{4}-\d{2}-\d{2}\.pdf"/);
    for (const s of [
      'Quartiersanalyse – Zusammenfassung',
      'Quartier: Dortmund Nordstadt',
      'Einwohnerinnen und Einwohner: 4.120 Personen (Stichtag 31.12.2026; Kontext)',
      'HF1.1 Verbindliche Projektstruktur: 3 (vollständig)',
      'Beleg: Lenkungskreis tagt monatlich',
      'Noch keine Prioritäten festgelegt.',
    ]) {
      expect(summary.text).toContain(s);
    }
    expect(summary.text).not.toContain('residents_total');

    const profile = await download(admin, `${q}/profile/pdf`);
    for (const s of ['Stärken-Schwächen-Profil', 'Mittlere Bewertung je Handlungsfeld', 'Stärken: HF1.1 Verbindliche Projektstruktur', 'Schwächen: HF1.2 Kooperation Wohnungsunternehmen und Kommune']) {
      expect(profile.text).toContain(s);
    }

    // The Handlungskonzept as it is drafted.
    const goal = (await as('POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', indicator: 'Wohnungen', baseline: '12', targetValue: '40', targetDate: '2029-12-31', targetGroups: ['Hochbetagte'] }, 201)).body;
    await as('POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31', cost: 480000, funding: [{ source: 'company', amount: 480000 }] }, 201);
    await as('POST', `${q}/justifications`, { actionFieldId: 'HF4', text: 'Der Quartierstreff der AWO deckt das Handlungsfeld ab.' }, 201);
    const concept = await download(admin, `${q}/handlungskonzept/pdf`);
    for (const s of [
      'Handlungskonzept',
      'Quartier: Dortmund Nordstadt',
      'Handlungsfeld 2: Wohnqualität',
      'Ziel: Barrierearme Wohnungen schaffen',
      'Zielwert: 40 bis 31.12.2029',
      'Maßnahme: Aufzüge nachrüsten (Wirkung: unmittelbar) – Status: geplant',
      'Verantwortlich: DOGEWO21 GmbH',
      'Zeitraum: 01.03.2027 bis 31.12.2028',
      'Finanzierung: Wohnungsunternehmen 480.000,00 €',
      'Der Quartierstreff der AWO deckt das Handlungsfeld ab.',
    ]) {
      expect(concept.text).toContain(s);
    }
    expect(concept.text).not.toContain(company);

    // The programme report, composed by the actors service from the agreements' and the analysis' answers.
    const report = await download(admin, `/programmes/${P}/report/pdf`);
    for (const s of [
      'Programmbericht',
      'Programm: GenQ Dokumente 2027',
      'Quartiere: 1',
      'Quartiere je Phase',
      'Entwicklungsphase',
      'Maßnahmen je Handlungsfeld und Status',
      'Wohnqualität: 1 Maßnahmen (1 geplant)',
      'Ausgestellt: 0',
      'Dortmund Nordstadt (Dortmund, DOGEWO21): Entwicklungsphase, Auftakt',
    ]) {
      expect(report.text).toContain(s);
    }
    expect(report.text).not.toMatch(/\b(development|kickoff)\b/);

    // A partner reads the quarter's documents, not the programme report (programme roles only).
    const email = 'partner@documents.genq.example';
    await as('POST', '/accounts', { email, displayName: 'Projektleitung', password: DEMO_PASSWORD, role: 'partner', organisationId: company }, 201);
    const partner = await env.login(email);
    expect((await download(partner, `${q}/handlungskonzept/pdf`)).text).toContain('Aufzüge nachrüsten');
    await download(partner, `/programmes/${P}/report/pdf`, 403);
  });
});
