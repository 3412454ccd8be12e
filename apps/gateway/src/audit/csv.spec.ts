import { csvField, csvLine } from './csv';

describe('CSV of the audit export', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField(null)).toBe('');
    expect(csvField({ name: 'x' })).toBe('"{""name"":""x""}"');
    expect(csvLine([1, 'a', null])).toBe('1,a,\r\n');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
    expect(csvField('+49 231 123')).toBe("'+49 231 123");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    // Numbers, and text that is just a number, are read as the number: nothing to defuse.
    expect(csvField(-1)).toBe('-1');
    expect(csvField('-1')).toBe('-1');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
