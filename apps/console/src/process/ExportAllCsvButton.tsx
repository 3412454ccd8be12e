import DownloadIcon from '@mui/icons-material/Download';
import { Button } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { toCsv } from './csv';
import { useExportAll, type ExportField } from './exportAll';

export type { ExportField } from './exportAll';

/**
 * Downloads every row the current list filter matches (all pages, not only the visible one)
 * as CSV in UTF-8 with BOM, so Excel shows umlauts.
 */
export const ExportAllCsvButton = <T extends RaRecord>({ fields, filename }: { fields: ExportField<T>[]; filename: string }) => {
  const { busy, download } = useExportAll<T>({
    fields,
    filename,
    extension: 'csv',
    failedMessage: 'app.export.failed',
    write: (rows, columns) => new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }),
  });
  return <Button label="app.export.csv" onClick={download} disabled={busy} startIcon={<DownloadIcon />} />;
};
