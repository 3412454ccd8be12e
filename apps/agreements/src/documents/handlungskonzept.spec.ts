import { pdfText } from '@genq/documents';
import type { HandlungskonzeptDto } from '@genq/contracts';
import { handlungskonzeptPdf } from './handlungskonzept';

// Each PDF is read back by pdf.js in a process of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

const Q = '00000000-0000-4000-8000-000000000001';
const HC = '00000000-0000-4000-8000-0000000000aa';
const MUNI = '00000000-0000-4000-8000-0000000000bb';

const concept: HandlungskonzeptDto = {
  quarterId: Q,
  goals: [
    {
      id: 'g1',
      quarterId: Q,
      actionFieldId: 'HF2',
      title: 'Mehr barrierearme Wohnungen',
      criterionIds: ['HF2.1'],
      indicator: 'flats_low_barrier',
      baseline: '12',
      targetValue: '40',
      targetDate: '2029-06-30',
      targetGroups: ['Seniorinnen und Senioren'],
      createdAt: '2027-01-10T10:00:00.000Z',
      measures: [
        {
          id: 'm1',
          quarterId: Q,
          goalId: 'g1',
          title: 'Umbau der Bäder im Block Nord',
          description: 'Bodengleiche Duschen in 28 Wohnungen',
          ownerOrganisationId: HC,
          partnerOrganisationIds: [MUNI],
          kind: 'unmittelbar',
          targetGroups: [],
          start: '2027-03-01',
          end: '2028-12-31',
          milestones: [{ title: 'Erste zehn Bäder', due: '2027-09-30', reachedAt: null }],
          cost: 420000,
          funding: [{ source: 'state_programme', amount: 200000 }],
          status: 'geplant',
          statusHistory: [],
          createdAt: '2027-01-10T10:00:00.000Z',
        },
      ],
    },
  ],
  justifications: [{ id: 'j1', quarterId: Q, actionFieldId: 'HF4', text: 'Das Nachbarschaftszentrum deckt dieses Feld bereits ab.' }],
};

describe('the Handlungskonzept as a PDF', () => {
  it('lists goals and measures per action field with German labels, dates and the catalogue’s names', async () => {
    const pdf = await handlungskonzeptPdf({
      concept,
      quarterName: 'Nordstadt',
      organisationNames: { [HC]: 'DOGEWO21', [MUNI]: 'Stadt Dortmund' },
      actionFieldNames: { HF1: 'Steuerung, Vernetzung und Nachhaltigkeit', HF2: 'Wohnqualität', HF3: 'Wohnumfeld', HF4: 'Miteinander der Generationen' },
      criterionNames: { 'HF2.1': 'Barrierearme Wohnungen' },
      at: new Date('2027-02-04T23:30:00.000Z'),
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const s of [
      'Handlungskonzept',
      'Quartier: Nordstadt',
      'Stand: 05.02.2027',
      'Maßnahmen je Handlungsfeld und Status',
      'Handlungsfeld 2: Wohnqualität',
      'Ziel: Mehr barrierearme Wohnungen',
      'Antwort auf: HF2.1 Barrierearme Wohnungen',
      'Zielwert: 40 bis 30.06.2029',
      'Maßnahme: Umbau der Bäder im Block Nord (Wirkung: unmittelbar) – Status: geplant',
      'Verantwortlich: DOGEWO21',
      'Beteiligt: Stadt Dortmund',
      'Zeitraum: 01.03.2027 bis 31.12.2028',
      'Meilenstein: Erste zehn Bäder, fällig am 30.09.2027',
      'Finanzierung: Landesprogramm 200.000,00 €',
      'Handlungsfeld 4: Miteinander der Generationen',
      'Das Nachbarschaftszentrum deckt dieses Feld bereits ab.',
      'Handlungsfeld 1: Steuerung, Vernetzung und Nachhaltigkeit',
      'Noch kein Ziel und keine Begründung.',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain(HC);
    expect(text).not.toContain('state_programme');
  });
});
