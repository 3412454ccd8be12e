/**
 * The import route answers 400 with `errors.rows.<line>.<column>` (or `errors.csv` for the
 * file as a whole); this flattens them into lines the user can fix one by one.
 */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export function importProblems(body: unknown): ImportProblem[] {
  const errors = (body as { errors?: Record<string, unknown> } | null)?.errors;
  if (!errors || typeof errors !== 'object') return [];
  const out: ImportProblem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'rows' && value && typeof value === 'object') {
      for (const [row, columns] of Object.entries(value as Record<string, unknown>)) {
        if (columns && typeof columns === 'object') {
          for (const [column, message] of Object.entries(columns as Record<string, unknown>)) {
            out.push({ row: Number(row), column, message: String(message) });
          }
        } else {
          out.push({ row: Number(row), column: null, message: String(columns) });
        }
      }
    } else {
      out.push({ row: null, column: key === 'csv' ? null : key, message: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
}
