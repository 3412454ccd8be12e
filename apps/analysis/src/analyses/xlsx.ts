import { Workbook } from 'exceljs';
import { neutraliseFormula } from '@genq/contracts';
import type { Catalogue } from '@genq/domain';
import { TEMPLATE_COLUMNS } from './csv';

// Reading a workbook is shared with the quarter import (actors): it lives in the service kit.
export { readWorkbookRows } from '@genq/service-kit';

/** The import template as an Excel workbook: the same columns and rows as the CSV template. */
export async function indicatorWorkbook(catalogue: Catalogue): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Indikatoren');
  ws.addRow([...TEMPLATE_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  // A catalogue's texts come from an upload: none of them may run as a formula (CSV injection).
  for (const i of catalogue.indicators) ws.addRow([...[i.id, i.group, i.name, i.unit, i.kind].map(neutraliseFormula), null, null, null]);
  ws.columns.forEach((c, n) => {
    c.width = [28, 18, 40, 12, 10, 14, 12, 30][n] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
