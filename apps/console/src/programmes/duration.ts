/**
 * Programme calendars store ISO-8601 durations (`P3M`, `P14D`); the console lets people type
 * months and days. Years count as 12 months and weeks as 7 days, which is how the process
 * adds them to a date, so the round trip keeps every deadline where it was.
 */
export interface MonthsAndDays {
  months: number;
  days: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Months and days of a duration; null for anything that is not an ISO-8601 duration. */
export function toMonthsAndDays(iso: unknown): MonthsAndDays | null {
  if (typeof iso !== 'string') return null;
  const m = PATTERN.exec(iso);
  if (!m) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  // Time parts (only ever used by test calendars measured in seconds) round to whole days.
  const hours = n(5) + n(6) / 60 + n(7) / 3600;
  return { months: n(1) * 12 + n(2), days: n(3) * 7 + n(4) + Math.round(hours / 24) };
}

/** Whether the duration has time parts the months-and-days form cannot show. */
export const hasTimeParts = (iso: unknown): boolean => typeof iso === 'string' && iso.includes('T');

/** The ISO-8601 duration of months and days, as the API expects it (`P1M14D`, `P0D` for nothing). */
export function toIsoDuration({ months, days }: MonthsAndDays): string {
  const m = Math.max(0, Math.trunc(months || 0));
  const d = Math.max(0, Math.trunc(days || 0));
  if (!m && !d) return 'P0D';
  return `P${m ? `${m}M` : ''}${d ? `${d}D` : ''}`;
}

type ErrorTree = { [key: string]: string | ErrorTree };

/**
 * The gateway reports a bad calendar as one message under `errors.calendar`, each problem
 * prefixed with its path (`calendar.developmentPhase.steps[1].dueAfter must be …`), joined by
 * "; ". This turns it into the nested tree react-admin puts next to each input; problems
 * without a recognisable path stay under `calendar`.
 */
export function calendarErrorTree(message: string): ErrorTree {
  const tree: ErrorTree = {};
  const rest: string[] = [];
  for (const problem of message.split('; ')) {
    const match = /^calendar((?:\.\w+|\[\d+\])+)\s+(.+)$/.exec(problem.trim());
    if (!match) {
      rest.push(problem);
      continue;
    }
    const path = (match[1] as string).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
    let node = tree;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        const existing = node[part];
        node[part] = typeof existing === 'string' ? `${existing}; ${match[2]}` : (match[2] as string);
      } else {
        const next = node[part];
        node = typeof next === 'object' ? next : (node[part] = {});
      }
    });
  }
  if (rest.length > 0) tree._ = rest.join('; ');
  return tree;
}

/** The API's field errors of a programme, with the calendar's problems spread over its fields. */
export function programmeErrors(errors: Record<string, unknown>): Record<string, unknown> {
  const { calendar, ...others } = errors;
  if (typeof calendar !== 'string') return errors;
  return { ...others, calendar: calendarErrorTree(calendar) };
}
