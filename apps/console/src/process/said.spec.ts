import { describe, expect, it } from '@jest/globals';
import { INTERVENTION_SUMMARY_CODES } from '@genq/contracts';
import { batchReasonOf, summaryMessage } from './said';
import { summaryEnglish, summaryGerman } from './summaryMessages';

/** A polyglot message with its arguments, the plural chosen by smart_count (German and English: one, or many). */
const say = (template: string, args: Record<string, string | number>) => {
  const forms = template.split(' |||| ');
  const form = (typeof args.smart_count === 'number' && args.smart_count !== 1 ? forms[1] : forms[0]) ?? template;
  return form.replace(/%\{(\w+)\}/g, (whole, name: string) => String(args[name] ?? whole));
};

describe('what the process says about interventions, in the console', () => {
  it('says a summary from its code and parameters', () => {
    expect(summaryMessage({ summary: 'all 5 remaining deadlines moved by P14D', summaryCode: 'shifted_all', summaryParams: { count: 5, by: 'P14D' } })).toEqual({
      key: 'process.summary.shifted_all',
      args: { count: 5, by: 'P14D', smart_count: 5 },
    });
    expect(summaryMessage({ summaryCode: 'resumed', summaryParams: { days: 12 } })).toEqual({ key: 'process.summary.resumed', args: { days: 12, smart_count: 12 } });
    const due = summaryMessage({ summaryCode: 'due_still_overdue', summaryParams: { name: 'Auftakt', date: '2026-11-30', since: '2026-10-01' } });
    expect(say(summaryGerman.due_still_overdue, due!.args)).toBe('„Auftakt“ fällig am 2026-11-30; weiterhin überfällig seit 2026-10-01, das Quartier bleibt stockend');
    // A record from before codes has only its English sentence.
    expect(summaryMessage({ summary: 'paused' })).toBeNull();
  });

  // Fails when the process gets a summary code the console cannot say in German, or says in English there.
  it('has a German message for every summary code, and it is not the English one', () => {
    for (const code of INTERVENTION_SUMMARY_CODES) {
      expect([code, typeof summaryGerman[code]]).toEqual([code, 'string']);
      expect([code, summaryGerman[code]]).not.toEqual([code, summaryEnglish[code]]);
    }
  });

  it("says a batch item's refusal from its code in the user's language, never the process's English", () => {
    const refused = { reason: 'the quarter is paused since 2027-03-01T08:00:00.000Z', reasonCode: 'quarter.paused' as const, reasonParams: { since: '2027-03-01' } };
    expect(batchReasonOf(refused, 'de')).toBe('Das Quartier ist seit dem 2027-03-01 pausiert.');
    expect(batchReasonOf(refused, 'en')).toBe('The quarter is paused since 2027-03-01.');
    expect(batchReasonOf({ reason: 'the quarter has no running process', reasonCode: 'quarter.no_process', reasonParams: { quarterId: 'q-1' } }, 'de')).toBe('Für das Quartier q-1 läuft kein Prozess.');
    expect(batchReasonOf({ reason: 'activity timed out', reasonCode: 'batch.item_failed' }, 'de')).toBe('Der Eingriff konnte für dieses Quartier nicht ausgeführt werden.');
    // A result from before codes: its English reason as it is.
    expect(batchReasonOf({ reason: 'the quarter is not paused' }, 'de')).toBe('the quarter is not paused');
  });
});
