/**
 * Bulk admission (issue 16): a programme office admits a whole programme's quarters with one
 * CSV or Excel file. The file has one quarter per row under a header row of these columns;
 * the actors service checks every row before it writes any.
 */
import type { Actor } from './auth';

/** Columns of the quarter import, in template order. `kreis`, `startedAt`, `startPhase`, `startStepKey` may stay empty. */
export const QUARTER_IMPORT_COLUMNS = ['name', 'municipality', 'kreis', 'land', 'housingCompany', 'programmeId', 'startedAt', 'startPhase', 'startStepKey'] as const;
export type QuarterImportColumn = (typeof QUARTER_IMPORT_COLUMNS)[number];

/** Columns every file must have (the others may be left out of the header altogether). */
export const QUARTER_IMPORT_REQUIRED_COLUMNS: readonly QuarterImportColumn[] = ['name', 'municipality', 'land', 'housingCompany', 'programmeId'];

/** Most quarters one file admits: more than any programme has, and within one message on the wire. */
export const QUARTER_IMPORT_MAX_ROWS = 5000;

/** The file as it travels to the actors service: CSV text, or an Excel workbook base64-encoded. */
export interface ImportQuartersCommand {
  actor: Actor;
  csv?: string;
  xlsxBase64?: string;
}

/** One row of the file and the quarter it stands for. */
export interface ImportedQuarter {
  /** Line of the file (the header is line 1). */
  line: number;
  id: string;
  name: string;
  municipality: string;
  programmeId: string;
  /** False when the same quarter was admitted before (a repeated file): nothing new for it. */
  created: boolean;
}

/**
 * What a quarter import answers: every row's quarter, how many are new and how many were
 * there already (a repeated file: `created` 0), and warnings by `rows.<line>.<column>`.
 */
export interface QuarterImportResult {
  rows: number;
  created: number;
  existing: number;
  quarters: ImportedQuarter[];
  warnings: Array<{ field: string; code: string; message?: string }>;
}
