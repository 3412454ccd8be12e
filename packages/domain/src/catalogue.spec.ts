import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueError, allCriteria, parseCatalogue } from './catalogue';

const raw = JSON.parse(readFileSync(join(__dirname, '../../../apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'));

describe('catalogue', () => {
  it('accepts the default catalogue: four action fields, 25 criteria, 42 indicators', () => {
    const c = parseCatalogue(raw);
    expect(c.actionFields.map((a) => a.id)).toEqual(['HF1', 'HF2', 'HF3', 'HF4']);
    expect(allCriteria(c)).toHaveLength(25);
    expect(c.indicators).toHaveLength(42);
  });

  it('reports every problem at once', () => {
    const broken = structuredClone(raw);
    broken.weaknessThreshold = 3;
    broken.indicators[0].kind = 'outcome';
    broken.actionFields[0].criteria[0].indicators = ['no_such_indicator'];
    broken.defaultCalendar.reminders.before = '14 days';
    try {
      parseCatalogue(broken);
      throw new Error('expected a CatalogueError');
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueError);
      const problems = (e as CatalogueError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          'weaknessThreshold must be below strengthThreshold',
          'indicators[0].kind must be input, output or context',
          'actionFields[0].criteria[0] refers to unknown indicator "no_such_indicator"',
          'defaultCalendar.reminders.before must be an ISO-8601 duration',
        ]),
      );
    }
  });
});
