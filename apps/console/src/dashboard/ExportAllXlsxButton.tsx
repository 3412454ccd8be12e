import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useTranslate } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { useExportAll, type ExportField } from '../process/exportAll';

/**
 * Downloads every row the current list filter matches (all pages, not only the visible one)
 * as an Excel workbook, made in the browser. The XLSX writer loads only when asked for.
 */
export const ExportAllXlsxButton = <T extends RaRecord>({ fields, filename, sheet }: { fields: ExportField<T>[]; filename: string; sheet: string }) => {
  const translate = useTranslate();
  const { busy, download } = useExportAll<T>({
    fields,
    filename,
    extension: 'xlsx',
    failedMessage: 'genq_export.failed',
    write: async (rows, columns) => {
      const { toXlsx } = await import('./xlsx');
      const bytes = await toXlsx(rows, columns, translate(sheet));
      return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    },
  });
  return <Button label="genq_export.xlsx" onClick={download} disabled={busy} startIcon={<GridOnIcon />} data-testid="export-xlsx" />;
};
