import { neutraliseFormula } from '@genq/contracts';
import type { Catalogue } from '@genq/domain';

/** Columns of the indicator import, in template order. `name`, `group` are for people and ignored on import. */
export const TEMPLATE_COLUMNS = ['indicatorId', 'group', 'name', 'unit', 'kind', 'referenceDate', 'value', 'source'] as const;

/**
 * The import template of a catalogue version: one row per indicator with its id, name, unit
 * and kind filled in, date, value and source left for the quarter. Semicolons, as German
 * spreadsheet programs expect them.
 */
export function indicatorTemplate(catalogue: Catalogue): string {
  const rows = [TEMPLATE_COLUMNS.join(';')];
  for (const i of catalogue.indicators) rows.push([i.id, i.group, i.name, i.unit, i.kind, '', '', ''].map(quote).join(';'));
  return `${rows.join('\r\n')}\r\n`;
}

function quote(text: string): string {
  // A catalogue's texts come from an upload: none of them may run as a formula (CSV injection).
  const cell = neutraliseFormula(text);
  return /[;",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
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

/** A number as people type it: `1234.5`, or with `;` as delimiter German `1.234,5` and `4.200`. */
export function parseNumber(raw: string, delimiter: ';' | ','): number | undefined {
  let s = raw.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  // A semicolon file comes from a German spreadsheet: comma decimals, dots group thousands.
  if (delimiter === ';' && (s.includes(',') || /^[-+]?\d{1,3}(\.\d{3})+$/.test(s))) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** A date as people type it: ISO `2025-12-31` or German `31.12.2025`. */
export function parseDate(raw: string): string {
  const s = raw.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (de) return `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}`;
  return s;
}
