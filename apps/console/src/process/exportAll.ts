import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { fetchAllRows } from './fetchAllRows';

export interface ExportField<T> {
  /** Field name; the header is the resource's translated field label. */
  source: string;
  value?: (row: T) => unknown;
}

/** One exported column: the translated header and how to read the cell from a row. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => unknown;
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
      const columns = fields.map((f) => ({
        header: translate(`resources.${resource}.fields.${f.source}`, { _: f.source }),
        value: f.value ?? ((row: T) => (row as Record<string, unknown>)[f.source]),
      }));
      saveFile(await write(rows, columns), `${filename}-${new Date().toISOString().slice(0, 10)}.${extension}`);
    } catch {
      notify(failedMessage, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
