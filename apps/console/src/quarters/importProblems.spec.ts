import { describe, expect, it } from '@jest/globals';
import { quarterImportProblems, toBase64 } from './importProblems';

describe('problems of a refused quarter import', () => {
  const body = {
    code: 'import.rows_invalid',
    errors: [
      { field: 'rows.3.land', code: 'validation.isIn', params: { values: 'Bayern, …' } },
      { field: 'rows.2.programmeId', code: 'programme.unknown', params: { id: 'fremd' } },
      { field: 'rows.2.name', code: 'validation.required' },
      { field: 'rows.12.name', code: 'quarter_import.duplicate_row', params: { row: 4 } },
    ],
  };

  it('orders them by line and column and says each in German from the catalogue', () => {
    expect(quarterImportProblems(body, 'de')).toEqual([
      { row: 2, column: 'name', message: 'ist ein Pflichtfeld.' },
      { row: 2, column: 'programmeId', message: 'Das Programm „fremd“ ist nicht bekannt.' },
      { row: 3, column: 'land', message: 'muss einer dieser Werte sein: Bayern, ….' },
      { row: 12, column: 'name', message: 'Dieses Quartier steht bereits in Zeile 4 der Datei.' },
    ]);
  });

  it('reads the list the console keeps as `problems` once its client made `errors` a field tree', () => {
    const kept = { code: 'import.rows_invalid', errors: { rows: { '2': { name: 'ist ein Pflichtfeld.' } } }, problems: [{ field: 'rows.2.name', code: 'validation.required', message: 'ist ein Pflichtfeld.' }] };
    expect(quarterImportProblems(kept, 'de')).toEqual([{ row: 2, column: 'name', message: 'ist ein Pflichtfeld.' }]);
  });

  it('says them in English when asked, and names the file as a whole without a row', () => {
    expect(quarterImportProblems({ errors: [{ field: 'csv', code: 'import.columns_missing', params: { columns: 'land' } }] }, 'en')).toEqual([
      { row: null, column: null, message: 'The header row lacks the column(s) land; start from the template.' },
    ]);
    expect(quarterImportProblems({ code: 'x' }, 'de')).toEqual([]);
  });

  it('encodes a workbook as base64', () => {
    expect(toBase64(new Uint8Array([80, 75, 3, 4, 255]))).toBe('UEsDBP8=');
  });
});
