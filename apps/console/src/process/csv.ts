import { neutraliseFormula } from './formula';

/** One CSV column: a header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  // Text a spreadsheet would read as a formula (leading = + - @ tab CR) gets an apostrophe in front.
  const safe = typeof value === 'string' ? neutraliseFormula(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * CSV as Excel in German locales opens it: UTF-8 with a byte order mark (so umlauts show),
 * semicolon-separated, CRLF line ends.
 */
export const toCsv = <T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string =>
  '\uFEFF' +
  [columns.map((c) => cell(c.header)).join(';'), ...rows.map((row) => columns.map((c) => cell(c.value(row))).join(';'))].join('\r\n') +
  '\r\n';
