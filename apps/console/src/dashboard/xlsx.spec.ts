import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { toXlsx } from './xlsx';

interface Row {
  name: string;
  land: string;
  stalled: boolean;
  flats: number | null;
  stalledSince: string | null;
  startAt: unknown;
}

const rows: Row[] = [
  { name: 'Scharnhorst-Ost', land: 'Nordrhein-Westfalen', stalled: true, flats: 1850, stalledSince: '2026-03-01T08:30:00.000Z', startAt: { phase: 'development' } },
  { name: '=HYPERLINK("http://x")', land: 'Thüringen', stalled: false, flats: null, stalledSince: null, startAt: null },
];

const readBack = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
};

describe('toXlsx (the Excel export of a list)', () => {
  it('writes a sheet with the headers and every row, typed, that Excel (exceljs) reads back', async () => {
    const bytes = await toXlsx(
      rows,
      [
        { header: 'Name', value: (r) => r.name },
        { header: 'Land', value: (r) => r.land },
        { header: 'Stockend', value: (r) => r.stalled },
        { header: 'Wohnungen', value: (r) => r.flats },
        { header: 'Stockend seit', value: (r) => r.stalledSince },
        { header: 'Start', value: (r) => r.startAt },
      ],
      'Quartiere',
    );
    // An XLSX file is a ZIP archive.
    expect(Buffer.from(bytes.slice(0, 2)).toString('latin1')).toBe('PK');
    const wb = await readBack(bytes);
    const sheet = wb.getWorksheet('Quartiere')!;
    expect(sheet).toBeDefined();
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Land', 'Stockend', 'Wohnungen', 'Stockend seit', 'Start']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Scharnhorst-Ost');
    expect(first.getCell(3).value).toBe(true);
    expect(first.getCell(4).value).toBe(1850);
    expect(first.getCell(5).value).toEqual(new Date('2026-03-01T08:30:00.000Z'));
    expect(first.getCell(5).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(first.getCell(6).value).toBe('{"phase":"development"}');
    const second = sheet.getRow(3);
    // Text that looks like a formula stays text, with an apostrophe in front (CSV injection).
    expect(second.getCell(1).value).toBe('\'=HYPERLINK("http://x")');
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(2).value).toBe('Thüringen');
    expect(second.getCell(4).value).toBeNull();
  });

  it('writes an empty list as a header row only, and keeps the sheet name valid', async () => {
    const wb = await readBack(await toXlsx([] as Row[], [{ header: 'Name', value: (r) => r.name }], 'Quartiere: Bayern/Süd [alle]?'));
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Quartiere Bayern Süd alle');
    expect(sheet.rowCount).toBe(1);
  });
});
