import { pdfText } from '@genq/documents';
import { mergeAgreementsDashboards } from '@genq/contracts';
import { programmeReportPdf, type ProgrammeReportInput } from './programme-report-pdf';

// Each PDF is read back by pdf.js in a process of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

const flat = (s: string) => s.replace(/\s+/g, ' ');

const input: ProgrammeReportInput = {
  programmeName: 'GenQ NRW 2027',
  catalogueVersion: 'Standardkatalog, Version 1.0.0',
  stepNames: { analysis: 'Quartiersanalyse', participation: 'Beteiligungsphase' },
  actionFieldNames: { HF1: 'Steuerung, Vernetzung und Nachhaltigkeit', HF2: 'Wohnqualität', HF3: 'Wohnumfeld', HF4: 'Miteinander der Generationen' },
  quarters: [
    { name: 'Nordstadt', municipality: 'Dortmund', housingCompany: 'DOGEWO21', phase: 'development', currentStep: 'analysis', stalledSince: '2027-03-01T10:00:00.000Z', stalledReason: 'Seit 60 Tagen keine Aktivität', overdueSince: '2027-02-28T23:30:00.000Z', paused: false },
    { name: 'Hörde', municipality: 'Dortmund', housingCompany: 'Vonovia', phase: 'implementation', currentStep: null, stalledSince: null, stalledReason: null, overdueSince: null, paused: true },
    { name: 'Eving', municipality: 'Dortmund', housingCompany: 'DOGEWO21', phase: 'development', currentStep: 'participation', stalledSince: null, stalledReason: null, overdueSince: null, paused: false },
  ],
  agreements: mergeAgreementsDashboards([
    { measures: [{ actionFieldId: 'HF2', status: 'geplant', count: 3 }], certificates: { issued: 1, expiring: { count: 0, first: [] } } },
    {
      measures: [{ actionFieldId: 'HF2', status: 'geplant', count: 2 }, { actionFieldId: 'HF3', status: 'umgesetzt', count: 1 }],
      certificates: { issued: 1, expiring: { count: 1, first: [{ id: 'c1', number: 'GENQ-2027-0001', quarterId: 'q', quarterName: 'Hörde', validUntil: '2027-06-30T22:30:00.000Z' }] } },
    },
  ]),
  expiringDays: 90,
  actionFieldMedians: [
    { actionFieldId: 'HF1', median: 1.5, count: 3 },
    { actionFieldId: 'HF2', median: null, count: 0 },
  ],
  maxRating: 3,
  at: new Date('2027-05-02T08:00:00.000Z'),
};

describe('the programme report as PDF', () => {
  it('shows phases, stalled and overdue quarters, measures per action field and certificates, in German', async () => {
    const text = flat(await pdfText(await programmeReportPdf(input)));
    for (const s of [
      'Programmbericht',
      'Programm: GenQ NRW 2027',
      'Stand: 02.05.2027',
      'Quartiere: 3',
      'Quartiere je Phase',
      'Entwicklungsphase',
      'Umsetzungsphase',
      'Entwicklungsphase: Quartiere je aktuellem Schritt',
      'Beteiligungsphase',
      'Stockend: 1',
      'Überfällig: 1',
      'Pausiert: 1',
      'Nordstadt: stockend seit 01.03.2027 – Seit 60 Tagen keine Aktivität',
      'Nordstadt: überfällig seit 01.03.2027 (Entwicklungsphase, Quartiersanalyse)',
      'Maßnahmen je Handlungsfeld und Status',
      'Wohnqualität: 5 Maßnahmen (5 geplant)',
      'Wohnumfeld: 1 Maßnahmen (1 umgesetzt)',
      'Median der mittleren Bewertung je Handlungsfeld',
      'keine Bewertung',
      'Ausgestellt: 2',
      'Laufen in den nächsten 90 Tagen ab: 1',
      'Zertifikat GENQ-2027-0001, Hörde: gültig bis 01.07.2027',
      'Hörde (Dortmund, Vonovia): Umsetzungsphase – pausiert',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/\b(development|implementation|participation)\b/);
  });
});
