import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { deadlineLabel } from './deadlineLabel';
import { fetchAllRows } from './fetchAllRows';

export interface ExportField<T> {
  /** Field name; the header is the resource's translated field label unless `header` says it. */
  source: string;
  header?: string;
  value?: (row: T) => unknown;
  /** Values that are keys, in words: a phase, a step, a deadline key, yes/no, or any translation prefix. */
  as?: 'phase' | 'step' | 'deadline' | 'boolean' | { prefix: string };
}

/** One exported column: the translated header and how to read the cell from a row. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** A key of the API as a person reads it (exports carry no raw keys). */
export function inWords(value: unknown, as: NonNullable<ExportField<unknown>['as']>, translate: (key: string, options?: Record<string, unknown>) => string): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (as === 'boolean') return typeof value === 'boolean' ? translate(value ? 'app.export_values.yes' : 'app.export_values.no') : value;
  const key = String(value);
  if (as === 'deadline') return deadlineLabel(key, translate);
  const prefix = as === 'phase' ? 'process.phase' : as === 'step' ? 'process.step' : as.prefix;
  return translate(`${prefix}.${key}`, { _: key });
}

/** Hands the browser a file to save. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The download behind an export button of a list: fetches every row the current filter matches,
 * lets `write` turn them into a file, and saves it as `<filename>-<today>.<extension>`. A failure
 * shows `failedMessage`; `busy` is true meanwhile.
 */
export function useExportAll<T extends RaRecord>({
  fields,
  filename,
  extension,
  failedMessage,
  write,
}: {
  fields: ExportField<T>[];
  filename: string;
  extension: string;
  failedMessage: string;
  write: (rows: T[], columns: ExportColumn<T>[]) => Promise<Blob> | Blob;
}): { busy: boolean; download: () => Promise<void> } {
  const { resource, filterValues, sort } = useListContext<T>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const rows = await fetchAllRows<T>(dataProvider, resource, filterValues, sort);
      const columns = fields.map((f) => {
        const read = f.value ?? ((row: T) => (row as Record<string, unknown>)[f.source]);
        return {
          header: f.header ?? translate(`resources.${resource}.fields.${f.source}`, { _: f.source }),
          value: f.as ? (row: T) => inWords(read(row), f.as!, translate) : read,
        };
      });
      saveFile(await write(rows, columns), `${filename}-${new Date().toISOString().slice(0, 10)}.${extension}`);
    } catch {
      notify(failedMessage, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
