/**
 * CSV injection (OWASP): a spreadsheet program reads a cell that starts with =, +, -, @, a tab
 * or a carriage return as a formula, so text a user once typed (an indicator's source, a
 * reason, a quarter's name) could run when an export is opened. Every CSV and XLSX export
 * puts an apostrophe in front of such text; numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers (`-5`, `+1.5`, `-1,25`) are no formula: a spreadsheet reads them as the number they are. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Whether a spreadsheet would read this text as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** Text as an export writes it: with an apostrophe in front when it would be read as a formula. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** Parses CSV text (RFC 4180 quoting) with `;` or `,` as delimiter, detected from the header line. */
export function parseCsv(text: string): { delimiter: ';' | ','; rows: string[][] } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { delimiter, rows };
}

/** A date as people type it: ISO `2025-12-31` or German `31.12.2025`. */
export function parseDate(raw: string): string {
  const s = raw.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (de) return `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}`;
  return s;
}
