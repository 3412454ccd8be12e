/**
 * Intervention summaries in the console's languages (see summary.ts); spread into de.ts and
 * en.ts. Nested under `process.summary` by the spread line, so `process` stays one tree.
 */
export const summaryGerman = {
  shifted_all: 'Alle %{smart_count} offenen Fristen um %{by} verschoben |||| Alle %{smart_count} offenen Fristen um %{by} verschoben',
  due: '„%{name}“ fällig am %{date}',
  due_still_overdue: '„%{name}“ fällig am %{date}; weiterhin überfällig seit %{since}, das Quartier bleibt stockend',
  shifted_all_still_overdue:
    'Alle %{smart_count} offenen Fristen um %{by} verschoben; weiterhin überfällig seit %{since} |||| Alle %{smart_count} offenen Fristen um %{by} verschoben; weiterhin überfällig seit %{since}',
  waived: '„%{name}“ erlassen',
  reopened: '„%{name}“ wieder geöffnet',
  reassigned_step: '„%{name}“ an %{to} übertragen',
  reassigned_quarter: 'Quartier an %{to} übertragen',
  paused: 'Pausiert',
  resumed: 'Fortgesetzt; Fristen um 1 Tag verschoben |||| Fortgesetzt; Fristen um %{smart_count} Tage verschoben',
  reminded: 'Erinnerung für „%{name}“ versandt',
  withdrawn: 'Zurückgezogen',
};

export const summaryEnglish: typeof summaryGerman = {
  shifted_all: 'All %{smart_count} remaining deadline moved by %{by} |||| All %{smart_count} remaining deadlines moved by %{by}',
  due: '"%{name}" due on %{date}',
  due_still_overdue: '"%{name}" due on %{date}; still overdue since %{since}, the quarter stays stalled',
  shifted_all_still_overdue: 'All %{smart_count} remaining deadline moved by %{by}; still overdue since %{since} |||| All %{smart_count} remaining deadlines moved by %{by}; still overdue since %{since}',
  waived: '"%{name}" waived',
  reopened: '"%{name}" reopened',
  reassigned_step: '"%{name}" reassigned to %{to}',
  reassigned_quarter: 'Quarter reassigned to %{to}',
  paused: 'Paused',
  resumed: 'Resumed; deadlines moved by 1 day |||| Resumed; deadlines moved by %{smart_count} days',
  reminded: 'Reminder for "%{name}" sent',
  withdrawn: 'Withdrawn',
};
