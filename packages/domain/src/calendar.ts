import type { ProgrammeCalendar } from './catalogue';
import { addDuration } from './duration';

/** Phases of a quarter's process, as stored and queried. */
export type Phase = 'development' | 'implementation' | 'reaudit' | 'closed' | 'withdrawn';
export const PHASES: readonly Phase[] = ['development', 'implementation', 'reaudit', 'closed', 'withdrawn'];

export interface ScheduledStep {
  key: string;
  name: string;
  /** ISO timestamp of the due date. */
  due: string;
}

/**
 * Due dates of the development phase's steps for a quarter that starts at `start`.
 * Pure: the workflow calls it with its own deterministic clock.
 */
export function developmentSchedule(calendar: ProgrammeCalendar, start: Date): ScheduledStep[] {
  return calendar.developmentPhase.steps.map((s) => ({
    key: s.key,
    name: s.name,
    due: addDuration(start, s.dueAfter).toISOString(),
  }));
}

export interface AnnualReportDue {
  year: number;
  /** When the reporting year ends (12, 24, 36 months after certification). */
  periodEnd: string;
  /** When the report must be in. */
  due: string;
}

/** Annual report due dates of one implementation cycle, starting at certification. */
export function annualReportSchedule(calendar: ProgrammeCalendar, certifiedAt: Date): AnnualReportDue[] {
  const { duration, annualReportEvery, reportDueWithin } = calendar.implementationPhase;
  const end = addDuration(certifiedAt, duration);
  const out: AnnualReportDue[] = [];
  for (let year = 1; ; year++) {
    const periodEnd = addDuration(certifiedAt, annualReportEvery, year);
    if (periodEnd.getTime() > end.getTime()) break;
    out.push({ year, periodEnd: periodEnd.toISOString(), due: addDuration(periodEnd, reportDueWithin).toISOString() });
  }
  return out;
}

export type ReminderKind = 'before_due' | 'on_due' | 'overdue' | 'escalation';

export interface ReminderMoment {
  kind: ReminderKind;
  at: string;
  /** Counts overdue reminders (1, 2, ...) so each has its own idempotency key. */
  occurrence: number;
}

/**
 * The next reminder moment strictly after `after` for a deadline `due`, following the
 * calendar's reminder policy: one before, one on the due date, then every `overdueEvery`
 * while overdue; the escalation at `escalateAfterOverdue` comes once.
 */
export function nextReminder(calendar: ProgrammeCalendar, due: Date, after: Date): ReminderMoment {
  const { before, overdueEvery, escalateAfterOverdue } = calendar.reminders;
  const beforeAt = addDuration(due, before, -1);
  if (beforeAt.getTime() > after.getTime()) return { kind: 'before_due', at: beforeAt.toISOString(), occurrence: 1 };
  if (due.getTime() > after.getTime()) return { kind: 'on_due', at: due.toISOString(), occurrence: 1 };
  const escalateAt = addDuration(due, escalateAfterOverdue);
  let n = 1;
  let overdueAt = addDuration(due, overdueEvery, n);
  while (overdueAt.getTime() <= after.getTime()) overdueAt = addDuration(due, overdueEvery, ++n);
  if (escalateAt.getTime() > after.getTime() && escalateAt.getTime() <= overdueAt.getTime()) {
    return { kind: 'escalation', at: escalateAt.toISOString(), occurrence: 1 };
  }
  return { kind: 'overdue', at: overdueAt.toISOString(), occurrence: n };
}
