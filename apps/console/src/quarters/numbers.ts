/**
 * Numbers as people in Germany type them: `1.850` (thousands), `38,5` (decimal comma),
 * `1.234,75`. A point followed by exactly three digits groups thousands; otherwise a single
 * point is a decimal point too, so `38.5` typed on an English keyboard still reads 38.5.
 * Empty input is `null` (clears the figure); anything else that is no number is `undefined`.
 */
export function parseGermanNumber(input: string): number | null | undefined {
  const text = input.trim().replace(/\s/g, '');
  if (text === '') return null;
  let normalised: string;
  if (text.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(text) && !/^-?\d+(,\d+)?$/.test(text)) return undefined;
    normalised = text.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) {
    normalised = text.replace(/\./g, '');
  } else if (/^-?\d+(\.\d+)?$/.test(text)) {
    normalised = text;
  } else {
    return undefined;
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

/** A figure for an input field in the active language (German `38,5`, English `38.5`), without grouping so it reads back the same. */
export function formatForInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 4 });
}
