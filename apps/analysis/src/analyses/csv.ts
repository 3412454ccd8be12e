import { neutraliseFormula } from '@genq/contracts';
import type { Catalogue } from '@genq/domain';

// Reading a CSV file and a typed date is shared with the quarter import (actors): they live in the contracts.
export { parseCsv, parseDate } from '@genq/contracts';

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

/** A number as people type it: `1234.5`, or with `;` as delimiter German `1.234,5` and `4.200`. */
export function parseNumber(raw: string, delimiter: ';' | ','): number | undefined {
  let s = raw.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  // A semicolon file comes from a German spreadsheet: comma decimals, dots group thousands.
  if (delimiter === ';' && (s.includes(',') || /^[-+]?\d{1,3}(\.\d{3})+$/.test(s))) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}
