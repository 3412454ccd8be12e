import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a BOM, separates with semicolons and quotes where needed', () => {
    const csv = toCsv([{ name: 'Hörde; "Clarenberg"', n: 3 }, { name: '=SUM(A1)', n: null }], [
      { header: 'Quartier', value: (r: { name: string }) => r.name },
      { header: 'Anzahl', value: (r: { n: number | null }) => r.n },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Quartier;Anzahl\r\n"Hörde; ""Clarenberg""";3\r\n\'=SUM(A1);\r\n');
  });

  it('puts an apostrophe in front of every text a spreadsheet would run as a formula, not in front of numbers', () => {
    const cells = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', -5, '-5', 'ok'];
    const csv = toCsv(cells.map((v) => ({ v })), [{ header: 'v', value: (r: { v: unknown }) => r.v }]);
    expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@SUM(A1)", "'\t=1", '"\'\r=1"', '-5', '-5', 'ok']);
  });

  it('writes dates as TT.MM.JJJJ, an instant with its time in Germany', () => {
    const csv = toCsv([{ at: '2026-12-06T23:30:00.000Z', day: '2027-03-01' }], [
      { header: 'at', value: (r: { at: string }) => r.at },
      { header: 'day', value: (r: { day: string }) => r.day },
    ]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('07.12.2026 00:30;01.03.2027');
  });
});
