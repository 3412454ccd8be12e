/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** Today's calendar day (UTC), YYYY-MM-DD: a recorded meeting cannot lie after it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
