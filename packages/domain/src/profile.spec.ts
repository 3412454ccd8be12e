import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue } from './catalogue';
import { distribution, profileFor } from './profile';

const catalogue = parseCatalogue(
  JSON.parse(readFileSync(join(__dirname, '../../../apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')),
);

describe('strengths-and-weaknesses profile', () => {
  it('averages per action field and classifies by the catalogue thresholds', () => {
    const ratings = new Map([
      ['HF1.1', 3],
      ['HF1.2', 1],
      ['HF1.3', 2],
    ]);
    const [hf1, hf2] = profileFor(catalogue, ratings);
    expect(hf1).toMatchObject({ actionFieldId: 'HF1', rated: 3, mean: 2, strengths: ['HF1.1'], weaknesses: ['HF1.2'] });
    expect(hf2).toMatchObject({ actionFieldId: 'HF2', rated: 0, mean: null, strengths: [], weaknesses: [] });
  });

  it('computes quartiles like a spreadsheet (QUARTILE.INC)', () => {
    expect(distribution([1, 2, 3, 4])).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(distribution([])).toMatchObject({ count: 0, median: null });
  });
});
