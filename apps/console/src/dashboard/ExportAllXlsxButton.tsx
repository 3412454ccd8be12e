import { useState } from 'react';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { RaRecord } from 'react-admin';
import type { ExportField } from '../process/ExportAllCsvButton';

/** The gateway's largest page. */
const PAGE = 500;

/**
 * Downloads every row the current list filter matches (all pages, not only the visible one)
 * as an Excel workbook, made in the browser. The XLSX writer loads only when asked for.
 */
export const ExportAllXlsxButton = <T extends RaRecord>({ fields, filename, sheet }: { fields: ExportField<T>[]; filename: string; sheet: string }) => {
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
      const { toXlsx } = await import('./xlsx');
      const bytes = await toXlsx(
        rows,
        fields.map((f) => ({
          header: translate(`resources.${resource}.fields.${f.source}`, { _: f.source }),
          value: f.value ?? ((row: T) => (row as Record<string, unknown>)[f.source]),
        })),
        translate(sheet),
      );
      const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement('a'), { href: url, download: `${filename}-${new Date().toISOString().slice(0, 10)}.xlsx` });
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch {
      notify('genq_export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="genq_export.xlsx" onClick={download} disabled={busy} startIcon={<GridOnIcon />} data-testid="export-xlsx" />;
};
