/**
 * One CSV field (RFC 4180): quoted when needed. A value that a spreadsheet would run as a
 * formula (leading =, +, -, @, tab, CR) is prefixed with an apostrophe: an exported audit
 * log must not execute what a user once typed into a reason field.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
