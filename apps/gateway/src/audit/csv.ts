import { neutraliseFormula } from '@genq/contracts';

/**
 * One CSV field (RFC 4180): quoted when needed. Text that a spreadsheet would run as a
 * formula (leading =, +, -, @, tab, CR) is prefixed with an apostrophe: an exported audit
 * log must not execute what a user once typed into a reason field. Numbers stay numbers.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? neutraliseFormula(value) : JSON.stringify(value);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record; `;` is the separator a German spreadsheet expects, `,` the English one. */
export function csvLine(values: unknown[], separator: ',' | ';' = ','): string {
  return `${values.map(csvField).join(separator)}\r\n`;
}
