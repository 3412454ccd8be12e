import { neutraliseFormula, startsLikeFormula } from './spreadsheet';

describe('CSV injection', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+cmd|calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=', '-'])('neutralises %j', (text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(['Statistikamt', '', ' =1', "'=1", '-5', '+1.5', '-1,25', '2026-12-31', 'a=b'])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});
