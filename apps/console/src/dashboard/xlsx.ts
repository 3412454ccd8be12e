import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../process/formula';

/** One spreadsheet column: a header and how to read the cell from a row. */
export interface XlsxColumn<T> {
  header: string;
  value: (row: T) => unknown;
  /** Width in characters; default from the header. */
  width?: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Dates become real date cells, numbers and booleans stay typed, objects become JSON text. */
const cell = (value: unknown): ExcelJS.CellValue => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // Stored as text it is no formula here, but it becomes one once someone edits the cell or
  // saves the sheet as CSV: like the CSV export, an apostrophe goes in front.
  if (typeof value === 'string') return neutraliseFormula(value);
  return JSON.stringify(value);
};

/**
 * An XLSX workbook of every row, one sheet with a bold, frozen header row and an
 * auto-filter, dates in German format (TT.MM.JJJJ hh:mm). Text cells are stored as text, and
 * text that starts like a formula gets an apostrophe in front (see neutraliseFormula).
 */
export async function toXlsx<T>(rows: readonly T[], columns: readonly XlsxColumn<T>[], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GenQ';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Export', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, Math.min(40, c.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => cell(c.value(row))));
  sheet.eachRow((r, i) => {
    if (i === 1) return;
    r.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd.mm.yyyy hh:mm';
    });
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
