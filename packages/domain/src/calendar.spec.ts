import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue } from './catalogue';
import { annualReportSchedule, developmentSchedule, nextReminder } from './calendar';

const catalogue = parseCatalogue(
  JSON.parse(readFileSync(join(__dirname, '../../../apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')),
);
const calendar = catalogue.defaultCalendar;

describe('programme calendar', () => {
  it('schedules the seven development steps from the start date', () => {
    const s = developmentSchedule(calendar, new Date('2027-01-15T00:00:00Z'));
    expect(s.map((x) => x.key)).toEqual([
      'kickoff',
      'analysis',
      'strategy_workshop',
      'participation',
      'goals_workshop',
      'decision_and_signing',
      'review_and_certification',
    ]);
    expect(s[0]?.due).toBe('2027-02-15T00:00:00.000Z');
    expect(s[6]?.due).toBe('2028-01-15T00:00:00.000Z');
  });

  it('has three annual reports, each due two months after its reporting year', () => {
    const r = annualReportSchedule(calendar, new Date('2028-01-15T00:00:00Z'));
    expect(r).toEqual([
      { year: 1, periodEnd: '2029-01-15T00:00:00.000Z', due: '2029-03-15T00:00:00.000Z' },
      { year: 2, periodEnd: '2030-01-15T00:00:00.000Z', due: '2030-03-15T00:00:00.000Z' },
      { year: 3, periodEnd: '2031-01-15T00:00:00.000Z', due: '2031-03-15T00:00:00.000Z' },
    ]);
  });

  it('reminds 14 days before, on the due date, then every 14 days, escalating once at 30 days', () => {
    const due = new Date('2027-03-01T00:00:00Z');
    const seq: string[] = [];
    let after = new Date('2027-01-01T00:00:00Z');
    for (let i = 0; i < 6; i++) {
      const r = nextReminder(calendar, due, after);
      seq.push(`${r.kind}#${r.occurrence}@${r.at.slice(0, 10)}`);
      after = new Date(r.at);
    }
    expect(seq).toEqual([
      'before_due#1@2027-02-15',
      'on_due#1@2027-03-01',
      'overdue#1@2027-03-15',
      'overdue#2@2027-03-29',
      'escalation#1@2027-03-31',
      'overdue#3@2027-04-12',
    ]);
  });
});
