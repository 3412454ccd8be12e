import type { Catalogue } from '@genq/domain';
import { Workbook } from 'exceljs';
import { indicatorTemplate, parseCsv, parseDate, parseNumber } from './csv';
import { indicatorWorkbook } from './xlsx';
import { unitProblem } from './validation';

describe('indicator import parsing', () => {
  it('reads semicolon and comma files with RFC 4180 quoting, a BOM and CRLF', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;1";"say ""hi"""\r\n').rows).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
    ]);
    expect(parseCsv('a,b\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads numbers as German spreadsheets write them in semicolon files', () => {
    expect(parseNumber('41,5', ';')).toBe(41.5);
    expect(parseNumber('1.234,5', ';')).toBe(1234.5);
    expect(parseNumber('4.200', ';')).toBe(4200);
    expect(parseNumber('2.5', ';')).toBe(2.5);
    expect(parseNumber('2.5', ',')).toBe(2.5);
    expect(parseNumber('', ';')).toBeUndefined();
    expect(parseNumber('abc', ';')).toBeNaN();
  });

  it('reads German dates', () => {
    expect(parseDate('1.2.2025')).toBe('2025-02-01');
    expect(parseDate('2025-02-01')).toBe('2025-02-01');
  });

  it('checks values by unit: shares 0-100, counts whole and non-negative, distances non-negative', () => {
    expect(unitProblem('%', 101)).toEqual({ code: 'indicator_value.percent_range' });
    expect(unitProblem('%', 0)).toBeUndefined();
    expect(unitProblem('Wohnungen', 1.5)).toEqual({ code: 'indicator_value.whole_number', params: { unit: 'Wohnungen' } });
    expect(unitProblem('Personen', -1)).toEqual({ code: 'indicator_value.whole_number', params: { unit: 'Personen' } });
    expect(unitProblem('m', -3)).toEqual({ code: 'indicator_value.negative', params: { unit: 'm' } });
    expect(unitProblem('neue Einheit', -3)).toBeUndefined();
  });
});

describe('import templates (CSV injection)', () => {
  // Only what the templates read of a catalogue: its indicators' texts.
  const catalogue = {
    indicators: [{ id: 'residents_total', group: '=cmd|calc', name: '@SUM(A1)', unit: 'persons', kind: 'absolute' }],
  } as unknown as Catalogue;

  it('puts an apostrophe in front of a catalogue text that a spreadsheet would run, in the CSV and the Excel template', async () => {
    const row = indicatorTemplate(catalogue).split('\r\n')[1];
    expect(row).toBe("residents_total;'=cmd|calc;'@SUM(A1);persons;absolute;;;");
    const wb = new Workbook();
    await wb.xlsx.load((await indicatorWorkbook(catalogue)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, 'residents_total', "'=cmd|calc", "'@SUM(A1)", 'persons', 'absolute']);
  });
});
