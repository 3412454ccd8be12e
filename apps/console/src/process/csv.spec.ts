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
});
