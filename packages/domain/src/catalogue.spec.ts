import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueError, allCriteria, calendarFieldProblems, parseCatalogue } from './catalogue';

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
      expect(problems.map(({ field, code, params }) => ({ field, code, ...(params ? { params } : {}) }))).toEqual(
        expect.arrayContaining([
          { field: 'weaknessThreshold', code: 'catalogue.thresholds_order' },
          { field: 'indicators.0.kind', code: 'validation.isIn', params: { values: 'input, output, context' } },
          { field: 'actionFields.0.criteria.0.indicators', code: 'catalogue.unknown_indicator', params: { indicatorId: 'no_such_indicator' } },
          { field: 'defaultCalendar.reminders.before', code: 'calendar.duration_invalid' },
        ]),
      );
      expect(problems).toHaveLength(4);
      // The English text stays for logs and for the calendar's class-validator message.
      expect((e as CatalogueError).message).toContain('weaknessThreshold must be below strengthThreshold');
    }
  });

  it('checks a programme calendar field by field, with codes, and as English sentences for class-validator', () => {
    const calendar = structuredClone(raw.defaultCalendar);
    calendar.developmentPhase.steps[1].key = calendar.developmentPhase.steps[0].key;
    calendar.implementationPhase.duration = 'drei Jahre';
    expect(calendarFieldProblems(calendar, 'calendar').map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'calendar.developmentPhase.steps.1.key', code: 'catalogue.duplicate_id', params: { id: calendar.developmentPhase.steps[0].key } },
      { field: 'calendar.implementationPhase.duration', code: 'calendar.duration_invalid', params: undefined },
    ]);
    expect(calendarFieldProblems(calendar, 'calendar')[1]?.message).toBe('calendar.implementationPhase.duration must be an ISO-8601 duration');
    expect(calendarFieldProblems(raw.defaultCalendar)).toEqual([]);
  });
});
