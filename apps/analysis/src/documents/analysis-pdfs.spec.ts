import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '@genq/documents';
import { parseCatalogue, profileFor, type Distribution } from '@genq/domain';
import type { IndicatorValueDto, ProfileDto, RatingDto } from '@genq/contracts';
import { analysisSummaryPdf, profilePdf, type AnalysisDocumentInput } from './analysis-pdfs';

// Each PDF is read back by pdf.js in a process of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

const catalogue = parseCatalogue(JSON.parse(readFileSync(join(__dirname, '../../seed/catalogue-genq-default-1.0.0.json'), 'utf8')));
const Q = '00000000-0000-4000-8000-000000000001';
const flat = (s: string) => s.replace(/\s+/g, ' ');

function input(): AnalysisDocumentInput {
  const ratings: RatingDto[] = [
    { id: 'HF1.1', quarterId: Q, criterionId: 'HF1.1', actionFieldId: 'HF1', rating: 3, evidence: 'Lenkungskreis tagt monatlich', targetGroups: [], updatedAt: '2027-01-01T00:00:00.000Z' },
    { id: 'HF1.2', quarterId: Q, criterionId: 'HF1.2', actionFieldId: 'HF1', rating: 1, evidence: null, targetGroups: [], updatedAt: '2027-01-01T00:00:00.000Z' },
    { id: 'HF3.1', quarterId: Q, criterionId: 'HF3.1', actionFieldId: 'HF3', rating: 2, evidence: null, targetGroups: ['Kinder'], updatedAt: '2027-01-01T00:00:00.000Z' },
  ];
  const values: IndicatorValueDto[] = [
    { id: 'residents_total@2025-12-31', quarterId: Q, indicatorId: 'residents_total', referenceDate: '2025-12-31', value: 3900, source: null, kind: 'context', unit: 'Personen', updatedAt: '' },
    { id: 'residents_total@2026-12-31', quarterId: Q, indicatorId: 'residents_total', referenceDate: '2026-12-31', value: 4120, source: null, kind: 'context', unit: 'Personen', updatedAt: '' },
  ];
  const median: Distribution = { count: 5, min: 0.5, q1: 1, median: 1.5, q3: 2, max: 3 };
  const fields = profileFor(catalogue, new Map(ratings.map((r) => [r.criterionId, r.rating])));
  const profile: ProfileDto = {
    analysis: {
      id: 'a1',
      quarterId: Q,
      programmeId: 'p1',
      catalogueVersionId: 'genq-default@1.0.0',
      status: 'submitted',
      submittedAt: '2027-03-31T22:30:00.000Z',
      priorities: ['HF1.2', 'HF3'],
      prioritiesRecordedAt: '2027-04-15T10:00:00.000Z',
      createdAt: '',
      updatedAt: '',
    },
    actionFields: fields.map((f) => ({ ...f, programme: median, quartile: f.mean === null ? null : 3 })),
    derived: {
      referenceDate: '2026-12-31',
      barrierFreeFlatsShare: 12.5,
      lowBarrierFlatsShare: null,
      barrierReducedFlatsShare: null,
      priceBoundFlatsShare: null,
      companyFlatsShare: null,
      residents65PlusShare: 23.4,
      residents80PlusShare: null,
      residentsUnder18Share: null,
    },
    indicators: [],
    unrated: [],
  };
  return { quarterName: 'Nordstadt', catalogue, profile, values, ratings, at: new Date('2027-05-02T08:00:00.000Z') };
}

describe('the analysis documents as PDF', () => {
  it('summarises the Quartiersanalyse: indicators with units and reference dates, ratings, priorities', async () => {
    const text = flat(await pdfText(await analysisSummaryPdf(input())));
    for (const s of [
      'Quartiersanalyse – Zusammenfassung',
      'Quartier: Nordstadt',
      'Version 1.0.0',
      'Stand der Analyse: eingereicht am 01.04.2027',
      'Demografie',
      'Einwohnerinnen und Einwohner: 4.120 Personen (Stichtag 31.12.2026; Kontext)',
      'Anteil barrierefreier Wohnungen: 12,5 %',
      'Anteil der Bewohnenden ab 65 Jahren: 23,4 %',
      'HF1.1 Verbindliche Projektstruktur: 3 (vollständig)',
      'Beleg: Lenkungskreis tagt monatlich',
      'HF1.2 Kooperation Wohnungsunternehmen und Kommune: 1 (ansatzweise)',
      'Festgelegt am 15.04.2027',
      '1. Kriterium HF1.2 Kooperation Wohnungsunternehmen und Kommune',
      '2. Handlungsfeld Wohnumfeld',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('nicht bewertet');
    expect(text).not.toContain('residents_total');
    expect(text).not.toContain('context');
  });

  it('draws the Stärken-Schwächen-Profil with its chart, strengths and weaknesses per action field', async () => {
    const text = flat(await pdfText(await profilePdf(input())));
    for (const s of [
      'Stärken-Schwächen-Profil',
      'Mittlere Bewertung je Handlungsfeld',
      'Median des Programms',
      'Steuerung, Vernetzung und Nachhaltigkeit',
      'Mittelwert: 2 (2 von 7 Kriterien bewertet)',
      'Stärken: HF1.1 Verbindliche Projektstruktur',
      'Schwächen: HF1.2 Kooperation Wohnungsunternehmen und Kommune',
      'dieses Quartier liegt im über dem Median des Programms',
      'Bewertung der Kriterien: Wohnumfeld',
      'Mittelwert: noch nicht bewertet',
    ]) {
      expect(text).toContain(s);
    }
  });
});
