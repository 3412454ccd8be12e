import type { CellValue } from 'exceljs';

/**
 * The first worksheet as rows of text, the shape the CSV import reads: numbers in plain
 * notation, dates as YYYY-MM-DD, formulas by their computed result.
 */
export async function readWorkbookRows(file: Buffer): Promise<string[][]> {
  // Loaded on first use: the services that never read a workbook do not pay for exceljs.
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  // exceljs declares its own Buffer type; the bytes are the same.
  await wb.xlsx.load(file as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
    if ('richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return '';
}
