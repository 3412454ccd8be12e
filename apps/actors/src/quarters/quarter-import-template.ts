import { LAENDER, QUARTER_IMPORT_COLUMNS, QUARTER_IMPORT_REQUIRED_COLUMNS, type QuarterImportColumn } from '@genq/contracts';

/** What each column of the quarter import holds, for the template's notes (German first, as the office reads it). */
const COLUMN_NOTES: Record<QuarterImportColumn, string> = {
  name: 'Name des Quartiers',
  municipality: 'Kommune',
  kreis: 'Kreis (leer lassen, wenn unbekannt)',
  land: `Bundesland, eines von: ${LAENDER.join(', ')}`,
  housingCompany: 'Federführendes Wohnungsunternehmen',
  programmeId: 'Kennung des Programms, z. B. genq-nrw-2026',
  startedAt: 'Beginn der Entwicklungsphase für Quartiere, die schon vor GenQ im Programm waren (JJJJ-MM-TT oder TT.MM.JJJJ); leer: heute',
  startPhase: 'Für Quartiere, die mitten im Prozess einsteigen: development oder implementation; sonst leer',
  startStepKey: 'Schritt der Entwicklungsphase, an dem das Quartier einsteigt (z. B. analysis); sonst leer',
};

/** The CSV template: the header row only, semicolons as German spreadsheet programs expect them. */
export function quarterImportCsvTemplate(): string {
  return `${QUARTER_IMPORT_COLUMNS.join(';')}\r\n`;
}

/** The template as an Excel workbook: the header row on the first sheet, what each column holds on a second. */
export async function quarterImportWorkbookTemplate(): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  const sheet = wb.addWorksheet('Quartiere');
  sheet.addRow([...QUARTER_IMPORT_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => {
    c.width = 24;
  });
  const notes = wb.addWorksheet('Hinweise');
  notes.addRow(['Spalte', 'Inhalt', 'Pflicht']);
  notes.getRow(1).font = { bold: true };
  for (const c of QUARTER_IMPORT_COLUMNS) notes.addRow([c, COLUMN_NOTES[c], QUARTER_IMPORT_REQUIRED_COLUMNS.includes(c) ? 'ja' : 'nein']);
  notes.columns.forEach((c, n) => {
    c.width = [18, 100, 8][n] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
