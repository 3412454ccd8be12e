import { barChart, germanDate, germanNumber, radarChart, renderDocument, section, titleBlock } from './layout';
import { pdfText } from './pdf-text';

// Each PDF is read back by pdf.js in a process of its own, which takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('the documents’ layout', () => {
  it('says a calendar day as it is and an instant as the day it is in Germany', () => {
    expect(germanDate('2027-02-05')).toBe('05.02.2027');
    // 23:30 UTC is already the next day in Berlin (CET, UTC+1).
    expect(germanDate('2027-02-04T23:30:00.000Z')).toBe('05.02.2027');
    expect(germanDate('2027-07-31T21:59:59.000Z')).toBe('31.07.2027');
    expect(germanDate('2027-07-31T22:00:00.000Z')).toBe('01.08.2027');
    expect(germanNumber(1234.5)).toBe('1.234,5');
  });

  it('draws charts whose labels, scale and legend a reader can copy', async () => {
    const pdf = await renderDocument('Probe', (doc) => {
      titleBlock(doc, 'Probedokument', [['Quartier', 'Nordstadt']]);
      section(doc, 'Diagramme');
      barChart(doc, {
        caption: 'Maßnahmen je Handlungsfeld',
        bars: [
          { label: 'Wohnqualität', segments: [{ value: 2, series: 0 }, { value: 1, series: 1 }] },
          { label: 'Wohnumfeld', segments: [] },
        ],
        legend: ['geplant', 'abgeschlossen'],
      });
      radarChart(doc, {
        caption: 'Profil',
        axes: [
          { label: 'Achse Eins', values: [2, 1.5] },
          { label: 'Achse Zwei', values: [null, 2] },
          { label: 'Achse Drei', values: [3, 2.5] },
          { label: 'Achse Vier', values: [1, null] },
        ],
        legend: ['Quartier', 'Median des Programms'],
        max: 3,
        ticks: [1, 2, 3],
      });
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const s of ['Probedokument', 'Quartier: Nordstadt', 'Maßnahmen je Handlungsfeld', 'Wohnqualität', 'geplant', 'abgeschlossen', 'Achse Vier', 'Median des Programms']) {
      expect(text).toContain(s);
    }
  });
});
