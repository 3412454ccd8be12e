/**
 * ISO-8601 durations as the programme calendar writes them (`P1M`, `P14D`, `P1Y2M10DT2H`).
 *
 * Calendar parts (years, months, weeks, days) are added on the calendar in UTC, so that
 * "P1M" after 31 January lands on the last day of February, as a person reading a
 * deadline would expect. Time parts are added as exact milliseconds.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export class InvalidDurationError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not an ISO-8601 duration such as P1M, P14D or PT12H`);
    this.name = 'InvalidDurationError';
  }
}

export function isDuration(input: unknown): input is string {
  return typeof input === 'string' && DURATION_PATTERN.test(input);
}

export function parseDuration(input: string): Duration {
  const match = DURATION_PATTERN.exec(input);
  if (!match) throw new InvalidDurationError(input);
  const n = (i: number): number => (match[i] ? Number(match[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function formatDuration(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'P0D';
  return `P${date}${time ? `T${time}` : ''}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Adds `times` copies of the duration (negative to subtract) to a date; never mutates. */
export function addDuration(date: Date, duration: string | Duration, times = 1): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  const totalMonths = (d.years * 12 + d.months) * times;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + totalMonths;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth));
  const shifted = new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
  const extraMs =
    ((d.weeks * 7 + d.days) * 86_400_000 + d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1000) * times;
  return new Date(shifted.getTime() + extraMs);
}

/** Milliseconds from `from` to `from + duration`: the exact length of this duration starting there. */
export function durationMillisFrom(from: Date, duration: string | Duration): number {
  return addDuration(from, duration).getTime() - from.getTime();
}
