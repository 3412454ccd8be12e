import { sayFieldProblem, type Locale } from '@genq/contracts';

/** One problem of a refused quarter import: its line and column in the file, or the file as a whole. */
export interface QuarterImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * The field problems of a refused import (`rows.<line>.<column>`, or `csv`/`xlsx` for the file),
 * said in the user's language from the catalogue, by line and then column. The console's HTTP
 * client keeps them as the list `problems` (its `errors` become the field tree of the forms);
 * the API's own body has them as the list `errors`.
 */
export function quarterImportProblems(body: unknown, locale: Locale): QuarterImportProblem[] {
  const b = body as { errors?: unknown; problems?: unknown } | null;
  const errors = Array.isArray(b?.problems) ? b.problems : b?.errors;
  if (!Array.isArray(errors)) return [];
  const out: QuarterImportProblem[] = [];
  for (const e of errors as Array<{ field?: unknown; code?: unknown; params?: Record<string, string | number>; message?: string }>) {
    if (typeof e?.field !== 'string' || typeof e.code !== 'string') continue;
    const message = sayFieldProblem({ code: e.code, ...(e.params ? { params: e.params } : {}), ...(e.message ? { message: e.message } : {}) }, locale);
    const row = /^rows\.(\d+)\.(.+)$/.exec(e.field);
    if (row) out.push({ row: Number(row[1]), column: row[2]!, message });
    else out.push({ row: null, column: e.field === 'csv' || e.field === 'xlsx' ? null : e.field, message });
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** The bytes of a file as base64, for JSON (`xlsxBase64`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}
