import { neutraliseFormula } from './formula';

/** One CSV column: a header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant as it is in Germany, TT.MM.JJJJ hh:mm. */
const GERMAN_INSTANT = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Dates as German readers and Excel in German locales read them: TT.MM.JJJJ (with hh:mm for an instant). */
export const germanDate = (value: string): string | undefined => {
  if (ISO_INSTANT.test(value)) return GERMAN_INSTANT.format(new Date(value)).replace(',', '');
  const day = ISO_DAY.exec(value);
  return day ? `${day[3]}.${day[2]}.${day[1]}` : undefined;
};

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && germanDate(value)) return germanDate(value)!;
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
