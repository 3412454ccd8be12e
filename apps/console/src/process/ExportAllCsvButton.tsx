import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { toCsv } from './csv';

/** The gateway's largest page. */
const PAGE = 500;

export interface ExportField<T> {
  /** Field name; the header is the resource's translated field label. */
  source: string;
  value?: (row: T) => unknown;
}

/**
 * Downloads every row the current list filter matches (all pages, not only the visible one)
 * as CSV in UTF-8 with BOM, so Excel shows umlauts.
 */
export const ExportAllCsvButton = <T extends RaRecord>({ fields, filename }: { fields: ExportField<T>[]; filename: string }) => {
  const { resource, filterValues, sort } = useListContext<T>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const rows: T[] = [];
      for (let page = 1; ; page++) {
        const { data, total } = await dataProvider.getList<T>(resource, {
          filter: filterValues ?? {},
          sort: sort ?? { field: 'id', order: 'ASC' },
          pagination: { page, perPage: PAGE },
        });
        rows.push(...data);
        if (data.length < PAGE || (total !== undefined && rows.length >= total)) break;
      }
      const csv = toCsv(
        rows,
        fields.map((f) => ({
          header: translate(`resources.${resource}.fields.${f.source}`, { _: f.source }),
          value: f.value ?? ((row: T) => (row as Record<string, unknown>)[f.source]),
        })),
      );
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${filename}-${new Date().toISOString().slice(0, 10)}.csv` });
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch {
      notify('app.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="app.export.csv" onClick={download} disabled={busy} startIcon={<DownloadIcon />} />;
};
