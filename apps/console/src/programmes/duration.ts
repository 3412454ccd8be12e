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
