import { describe, expect, it } from '@jest/globals';
import { summaryMessage } from './summary';

/** Every sentence `applyIntervention` (packages/workflows/src/process-state.ts) writes, one per kind. */
describe('intervention summaries in the console language', () => {
  it('reads every summary shape the process writes', () => {
    expect(summaryMessage('all 5 remaining deadlines moved by P14D')).toEqual({ key: 'process.summary.shifted_all', args: { smart_count: 5, by: 'P14D' } });
    expect(summaryMessage('"Quartiersanalyse" due 2026-05-31')).toEqual({ key: 'process.summary.due', args: { name: 'Quartiersanalyse', date: '2026-05-31' } });
    expect(summaryMessage('"Auftakt" waived')).toEqual({ key: 'process.summary.waived', args: { name: 'Auftakt' } });
    expect(summaryMessage('"Strategieworkshop" reopened')).toEqual({ key: 'process.summary.reopened', args: { name: 'Strategieworkshop' } });
    expect(summaryMessage('"Auftakt" reassigned to Erika Muster')).toEqual({ key: 'process.summary.reassigned_step', args: { name: 'Auftakt', to: 'Erika Muster' } });
    expect(summaryMessage('quarter reassigned to Erika Muster')).toEqual({ key: 'process.summary.reassigned_quarter', args: { to: 'Erika Muster' } });
    expect(summaryMessage('paused')).toEqual({ key: 'process.summary.paused', args: {} });
    expect(summaryMessage('resumed; deadlines moved by 12 days')).toEqual({ key: 'process.summary.resumed', args: { smart_count: 12 } });
    expect(summaryMessage('reminder for "Jahresbericht 2027" sent')).toEqual({ key: 'process.summary.reminded', args: { name: 'Jahresbericht 2027' } });
    expect(summaryMessage('withdrawn')).toEqual({ key: 'process.summary.withdrawn', args: {} });
    expect(summaryMessage('"Auftakt" due 2026-11-30; still overdue since 2026-11-30')).toEqual({
      key: 'process.summary.due_still_overdue',
      args: { name: 'Auftakt', date: '2026-11-30', since: '2026-11-30' },
    });
    expect(summaryMessage('all 3 remaining deadlines moved by P7D; still overdue since 2026-10-01')).toEqual({
      key: 'process.summary.shifted_all_still_overdue',
      args: { smart_count: 3, by: 'P7D', since: '2026-10-01' },
    });
  });

  it('leaves a summary of unknown shape alone', () => {
    expect(summaryMessage('something new happened')).toBeNull();
    expect(summaryMessage('"Auftakt" due tomorrow')).toBeNull();
  });
});
