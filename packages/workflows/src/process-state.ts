/**
 * The rules of a quarter's process as pure functions over ProcessState: no timers, no I/O.
 * The workflow owns the clock and the side effects; everything it decides comes from here,
 * so the rules can be read (and tested) without Temporal.
 */
import {
  addDuration,
  annualReportSchedule,
  developmentSchedule,
  nextReminder,
  parseDuration,
  type ProgrammeCalendar,
  type ReminderMoment,
} from '@genq/domain';
import type {
  Deadline,
  DeadlineKind,
  MilestoneDeadline,
  EventOutcome,
  NewDomainEvent,
  Intervention,
  InterventionResult,
  ProcessEventEnvelope,
  ProcessState,
  QuarterLifecycleInput,
  ReportState,
  InterventionSummaryCode,
  ProblemParams,
  ProcessProblemCode,
} from '@genq/contracts';

/** Internal state: the public ProcessState plus bookkeeping that must survive continue-as-new. */
export interface EngineState extends ProcessState {
  /** Per deadline: reminders are due only for moments strictly after this instant. */
  remindFrom: Record<string, string>;
  /** Recent event ids, so a duplicate event changes nothing. Bounded. */
  recentEventIds: string[];
  /** The last stall that progress cleared, so the process can state that it cleared (absent before any). */
  lastStallCleared?: { since: string; at: string } | null;
}

const MAX_EVENT_IDS = 500;
const MAX_INTERVENTIONS = 200;

/**
 * Why the process refuses an intervention or an event: a problem code of the process
 * catalogue (@genq/contracts problems/process.ts) with its parameters, and the English
 * sentence that old readers (and logs) see as the message.
 */
export class Refusal extends Error {
  constructor(
    readonly code: ProcessProblemCode,
    readonly params: ProblemParams,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** A reason an event was not applied: its code, parameters and English text. */
interface NotApplied {
  code: ProcessProblemCode;
  params: ProblemParams;
  text: string;
}

const notApplied = (code: ProcessProblemCode, text: string, params: ProblemParams = {}): NotApplied => ({ code, params, text });

/** The refusal of an intervention or event in a quarter whose process has ended. */
function finished(state: EngineState): NotApplied {
  return notApplied(state.phase === 'withdrawn' ? 'process.withdrawn' : 'process.closed', `the quarter is ${state.phase}`, { phase: state.phase });
}

const day = (isoString: string): string => isoString.slice(0, 10);

/** "P30D" → "30 Tagen", "P2M" → "2 Monaten": for texts people read. */
function inWords(duration: string): string {
  const d = parseDuration(duration);
  const parts: string[] = [];
  if (d.years) parts.push(`${d.years} ${d.years === 1 ? 'Jahr' : 'Jahren'}`);
  if (d.months) parts.push(`${d.months} ${d.months === 1 ? 'Monat' : 'Monaten'}`);
  const days = d.weeks * 7 + d.days;
  if (days) parts.push(`${days} ${days === 1 ? 'Tag' : 'Tagen'}`);
  if (d.hours || d.minutes || d.seconds) parts.push(`${d.hours * 3600 + d.minutes * 60 + d.seconds} Sekunden`);
  return parts.join(' ') || duration;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const t = (s: string): number => new Date(s).getTime();

// ---- construction ----------------------------------------------------------------------

export function createState(input: QuarterLifecycleInput, now: number): EngineState {
  if (input.resume) {
    const resumed = input.resume as EngineState;
    // Runs continued from before milestones were tracked carry none yet.
    resumed.milestones ??= [];
    return resumed;
  }
  const steps: Deadline[] = developmentSchedule(input.calendar, new Date(input.startedAt)).map((s) => ({
    key: s.key,
    name: s.name,
    due: s.due,
    status: 'pending',
    reminders: [],
  }));
  const state: EngineState = {
    quarterId: input.quarterId,
    programmeId: input.programmeId,
    ...(input.quarter ? { quarter: input.quarter } : {}),
    phase: 'development',
    cycle: 1,
    currentStep: null,
    steps,
    certifiedAt: null,
    certificateValidUntil: null,
    reports: [],
    paused: null,
    pausedMs: 0,
    stalled: null,
    lastActivityAt: iso(now),
    nextDue: null,
    amendment: null,
    withdrawn: null,
    closedAt: null,
    milestones: [],
    interventions: [],
    version: 1,
    updatedAt: iso(now),
    remindFrom: {},
    recentEventIds: [],
    reaudit: null,
  };
  const startAt = input.startAt;
  if (startAt?.phase === 'implementation') {
    for (const s of steps) s.status = 'completed';
    // A quarter that joins in implementation was certified when its schedule says.
    certify(state, input.calendar, t(input.startedAt), now);
  } else {
    const index = startAt?.stepKey ? steps.findIndex((s) => s.key === startAt.stepKey) : 0;
    for (const s of steps.slice(0, Math.max(index, 0))) s.status = 'completed';
    activateNextStep(state, input.calendar, now);
  }
  refreshNextDue(state);
  return state;
}

// ---- deadlines -------------------------------------------------------------------------

/** Deadlines the process is chasing right now. */
export function openDeadlines(state: EngineState): Deadline[] {
  if (state.phase === 'development') return state.steps.filter((s) => s.status === 'active');
  if (state.phase === 'implementation') {
    return [...state.reports.filter((r) => r.status === 'active' || r.status === 'pending'), ...state.milestones.filter((m) => m.status === 'active')];
  }
  if (state.phase === 'reaudit' && state.reaudit) return [state.reaudit];
  return [];
}

/** The deadline the process is chasing now: the open one due first (`extend_deadline` with `current`). */
export function currentDeadline(state: EngineState): Deadline | undefined {
  return openDeadlines(state).reduce<Deadline | undefined>((first, d) => (!first || t(d.due) < t(first.due) ? d : first), undefined);
}

export function findDeadline(state: EngineState, key: string): Deadline | undefined {
  return (
    state.steps.find((s) => s.key === key) ??
    state.reports.find((r) => r.key === key) ??
    state.milestones.find((m) => m.key === key) ??
    (state.reaudit?.key === key ? state.reaudit : undefined)
  );
}

/**
 * Starts chasing a deadline from now. One that is already past its escalation point (a
 * quarter joining late, a reopened step) escalates at once instead of never.
 */
function open(state: EngineState, calendar: ProgrammeCalendar, d: Deadline, now: number): void {
  d.status = 'active';
  const escalateAt = addDuration(new Date(d.due), calendar.reminders.escalateAfterOverdue).getTime();
  state.remindFrom[d.key] = iso(escalateAt <= now ? escalateAt - 1 : now);
}

function activateNextStep(state: EngineState, calendar: ProgrammeCalendar, now: number): void {
  const next = state.steps.find((s) => s.status === 'pending' || s.status === 'active');
  if (next) {
    if (next.status !== 'active') open(state, calendar, next, now);
    state.currentStep = next.key;
    return;
  }
  state.currentStep = null;
  certify(state, calendar, now, now);
}

/** Certification starts an implementation cycle: annual reports every 12 months, the last one final. */
function certify(state: EngineState, calendar: ProgrammeCalendar, certifiedAt: number, now: number): void {
  state.phase = 'implementation';
  state.currentStep = null;
  state.certifiedAt = iso(certifiedAt);
  state.certificateValidUntil = addDuration(new Date(certifiedAt), calendar.certificateValidity).toISOString();
  const schedule = annualReportSchedule(calendar, new Date(certifiedAt));
  state.reports = schedule.map((r, i): ReportState => {
    const final = i === schedule.length - 1;
    return {
      key: `report_${state.cycle}_${r.year}`,
      name: final ? `Abschlussbericht (Jahr ${r.year})` : `Jahresbericht ${r.year}`,
      year: r.year,
      final,
      due: r.due,
      status: 'pending',
      reminders: [],
    };
  });
  // Reminders for a report start when its reporting year ends, never before.
  schedule.forEach((r, i) => {
    const report = state.reports[i];
    if (report) state.remindFrom[report.key] = iso(Math.max(t(r.periodEnd), now));
  });
  state.reaudit = null;
}

function refreshNextDue(state: EngineState): void {
  const dues = openDeadlines(state).map((d) => t(d.due));
  state.nextDue = dues.length ? iso(Math.min(...dues)) : null;
}

/** Since when the earliest open deadline is overdue, if it is. */
export function overdueSince(state: EngineState, now: number): string | null {
  const overdue = openDeadlines(state)
    .map((d) => t(d.due))
    .filter((due) => due < now);
  return overdue.length ? iso(Math.min(...overdue)) : null;
}

// ---- timers ----------------------------------------------------------------------------

export interface DueReminder {
  deadline: Deadline;
  moment: ReminderMoment;
}

/** The next reminder of one deadline after its remindFrom instant. */
function reminderOf(state: EngineState, calendar: ProgrammeCalendar, d: Deadline): ReminderMoment {
  const from = state.remindFrom[d.key] ?? state.updatedAt;
  return nextReminder(calendar, new Date(d.due), new Date(from));
}

function inactivityAt(state: EngineState, calendar: ProgrammeCalendar): number | null {
  if (state.stalled) return null;
  return addDuration(new Date(state.lastActivityAt), calendar.reminders.stalledAfterInactivity).getTime();
}

/** When the workflow must wake up next, or null (paused, ended, nothing to chase). */
export function nextWakeUp(state: EngineState, calendar: ProgrammeCalendar): number | null {
  if (state.paused || isFinished(state)) return null;
  const moments = openDeadlines(state).map((d) => t(reminderOf(state, calendar, d).at));
  const inactive = inactivityAt(state, calendar);
  if (inactive !== null) moments.push(inactive);
  return moments.length ? Math.min(...moments) : null;
}

/**
 * Reminders whose moment has come, each at most once (remindFrom moves past it). When
 * several moments passed at once (after a pause in processing), only the escalation and
 * the latest reminder go out: nobody needs five letters in one morning.
 */
export function takeDueReminders(state: EngineState, calendar: ProgrammeCalendar, now: number): DueReminder[] {
  if (state.paused) return [];
  const due: DueReminder[] = [];
  for (const d of openDeadlines(state)) {
    const passed: ReminderMoment[] = [];
    for (;;) {
      const moment = reminderOf(state, calendar, d);
      if (t(moment.at) > now) break;
      state.remindFrom[d.key] = moment.at;
      passed.push(moment);
    }
    const last = passed[passed.length - 1];
    const escalation = passed.find((m) => m.kind === 'escalation');
    for (const moment of [escalation, last === escalation ? undefined : last]) {
      if (!moment) continue;
      d.reminders.push({ kind: moment.kind, occurrence: moment.occurrence, at: moment.at });
      due.push({ deadline: d, moment });
    }
    if (escalation) {
      // An overdue deadline is the more telling reason, even if inactivity marked the quarter first.
      const reason = `Frist „${d.name}“ seit ${inWords(calendar.reminders.escalateAfterOverdue)} überschritten`;
      state.stalled = { since: state.stalled?.since ?? iso(now), reason };
    }
  }
  if (due.length) touch(state, now);
  return due;
}

/** Marks the quarter stalled when nothing happened for the configured period; true if it just did. */
export function checkInactivity(state: EngineState, calendar: ProgrammeCalendar, now: number): boolean {
  const at = inactivityAt(state, calendar);
  if (state.paused || at === null || at > now) return false;
  state.stalled = { since: iso(now), reason: `Seit ${inWords(calendar.reminders.stalledAfterInactivity)} keine Aktivität` };
  touch(state, now);
  return true;
}

// ---- events ----------------------------------------------------------------------------

const STEP_OF_EVENT: Partial<Record<ProcessEventEnvelope['type'], string>> = {
  kickoff_recorded: 'kickoff',
  analysis_submitted: 'analysis',
  participation_recorded: 'participation',
  agreement_signed: 'decision_and_signing',
};

export function isFinished(state: EngineState): boolean {
  return state.phase === 'closed' || state.phase === 'withdrawn';
}

function outcome(state: EngineState, applied: boolean, reason?: NotApplied): EventOutcome {
  return {
    applied,
    ...(reason ? { reason: reason.text, reasonCode: reason.code, reasonParams: reason.params } : {}),
    phase: state.phase,
    currentStep: state.currentStep,
  };
}

/** Progress: the activity clock restarts and the stalled mark clears. */
function progress(state: EngineState, now: number): void {
  state.lastActivityAt = iso(now);
  if (state.stalled) state.lastStallCleared = { since: state.stalled.since, at: iso(now) };
  state.stalled = null;
  touch(state, now);
}

function touch(state: EngineState, now: number): void {
  state.version += 1;
  state.updatedAt = iso(now);
  refreshNextDue(state);
}

function complete(state: EngineState, d: Deadline, at: number): void {
  d.status = 'completed';
  d.completedAt = iso(at);
  delete state.remindFrom[d.key];
}

/** Applies a service's domain event. Duplicates and events that do not fit change nothing. */
export function applyEvent(state: EngineState, calendar: ProgrammeCalendar, ev: ProcessEventEnvelope, now: number): EventOutcome {
  if (state.recentEventIds.includes(ev.eventId)) return outcome(state, false, notApplied('event.duplicate', 'duplicate event', { eventId: ev.eventId }));
  if (isFinished(state)) return outcome(state, false, finished(state));
  const at = ev.at ? Math.min(t(ev.at), now) : now;
  const result = applyEventToState(state, calendar, ev, at, now);
  if (result) return outcome(state, false, result);
  state.recentEventIds.push(ev.eventId);
  if (state.recentEventIds.length > MAX_EVENT_IDS) state.recentEventIds.splice(0, state.recentEventIds.length - MAX_EVENT_IDS);
  progress(state, now);
  return outcome(state, true);
}

/** Returns a refusal reason, or undefined when applied. */
function applyEventToState(state: EngineState, calendar: ProgrammeCalendar, ev: ProcessEventEnvelope, at: number, now: number): NotApplied | undefined {
  const stepKey = ev.type === 'workshop_recorded' ? ev.workshop : STEP_OF_EVENT[ev.type];
  if (stepKey) return completeStep(state, calendar, stepKey, at, now);
  switch (ev.type) {
    case 'review_decided': {
      if (state.phase !== 'development' || state.currentStep !== 'review_and_certification') {
        return notApplied('event.no_review_pending', 'no concept is waiting for review');
      }
      if (ev.decision === 'approved') {
        const refused = completeStep(state, calendar, 'review_and_certification', at, now);
        if (!refused) trackMilestones(state, calendar, ev.milestones ?? [], now);
        return refused;
      }
      sendBack(state, calendar, ev.loopTo ?? 'goals_workshop', ev.newDue, now);
      return undefined;
    }
    case 'report_submitted': {
      const report = state.reports.find((r) => r.year === ev.year);
      if (state.phase !== 'implementation' || !report) return notApplied('event.report_not_due', `no annual report ${ev.year} is due in this cycle`, { year: ev.year });
      if (report.status === 'completed' || report.status === 'waived') return notApplied('event.report_in', `annual report ${ev.year} is already in`, { year: ev.year });
      complete(state, report, at);
      if (state.reports.every((r) => r.status === 'completed' || r.status === 'waived')) startReaudit(state, calendar, now);
      return undefined;
    }
    case 'report_returned': {
      const report = state.reports.find((r) => r.year === ev.year);
      if (!report || (state.phase !== 'implementation' && state.phase !== 'reaudit')) return notApplied('event.report_not_open', `no annual report ${ev.year} is open in this cycle`, { year: ev.year });
      if (report.status !== 'completed') return notApplied('event.report_not_in', `annual report ${ev.year} is not in`, { year: ev.year });
      // Due again: by its old date, or a reporting period from now if that has passed.
      report.status = 'pending';
      delete report.completedAt;
      report.due = iso(Math.max(t(report.due), addDuration(new Date(now), calendar.implementationPhase.reportDueWithin).getTime()));
      report.reminders = [];
      open(state, calendar, report, now);
      if (state.phase === 'reaudit') {
        // The Bilanzierung waits for every report again.
        state.phase = 'implementation';
        state.reaudit = null;
      }
      return undefined;
    }
    case 'milestone_reached': {
      const milestone = state.milestones.find((m) => m.key === ev.key);
      if (!milestone) return notApplied('event.milestone_unknown', `no milestone ${ev.key} is tracked`, { key: ev.key });
      if (milestone.status === 'completed') return notApplied('event.milestone_reached', `milestone ${ev.key} is already reached`, { key: ev.key });
      complete(state, milestone, at);
      return undefined;
    }
    case 'measure_status_changed':
      return state.phase === 'implementation' || state.phase === 'reaudit' ? undefined : notApplied('event.measures_in_implementation', 'measures are tracked in the implementation phase');
    case 'amendment_proposed':
      if (state.phase !== 'implementation') return notApplied('event.amendment_needs_implementation', 'an amendment needs a certified agreement in implementation');
      if (state.amendment) return notApplied('event.amendment_open', `amendment ${state.amendment.id} is still open`, { amendmentId: state.amendment.id });
      state.amendment = { id: ev.amendmentId, description: ev.description, confirmedBy: [], accepted: false };
      return undefined;
    case 'amendment_confirmed':
      if (state.amendment?.id !== ev.amendmentId) return notApplied('event.amendment_not_open', `amendment ${ev.amendmentId} is not open`, { amendmentId: ev.amendmentId });
      if (!state.amendment.confirmedBy.includes(ev.party)) state.amendment.confirmedBy.push(ev.party);
      return undefined;
    case 'amendment_accepted':
      if (state.amendment?.id !== ev.amendmentId) return notApplied('event.amendment_not_open', `amendment ${ev.amendmentId} is not open`, { amendmentId: ev.amendmentId });
      if (state.amendment.confirmedBy.length < 2) return notApplied('event.amendment_unconfirmed', 'both partners must confirm the amendment before the programme office accepts it');
      state.amendment = null;
      return undefined;
    case 'amendment_rejected':
      // Proposed or confirmed alike: the programme office may reject any open amendment.
      if (state.amendment?.id !== ev.amendmentId) return notApplied('event.amendment_not_open', `amendment ${ev.amendmentId} is not open`, { amendmentId: ev.amendmentId });
      state.amendment = null;
      return undefined;
    case 'reaudit_decided':
      if (state.phase !== 'reaudit') return notApplied('event.no_reaudit_due', 'no Bilanzierung is due');
      if (state.reaudit) complete(state, state.reaudit, at);
      if (ev.decision === 'renewed') {
        state.cycle += 1;
        certify(state, calendar, now, now);
      } else {
        state.phase = 'closed';
        state.closedAt = iso(now);
      }
      return undefined;
    default:
      return notApplied('event.unknown_type', 'unknown event type');
  }
}

function completeStep(state: EngineState, calendar: ProgrammeCalendar, key: string, at: number, now: number): NotApplied | undefined {
  if (state.phase !== 'development') return notApplied('event.development_over', 'the development phase is over');
  const step = state.steps.find((s) => s.key === key);
  if (!step) return notApplied('event.unknown_step', `unknown step ${key}`, { step: key });
  if (step.status === 'completed' || step.status === 'waived') return notApplied('event.step_done', `step ${key} is already done`, { step: step.name });
  complete(state, step, at);
  if (state.currentStep === key) activateNextStep(state, calendar, now);
  return undefined;
}

/** A concept sent back loops to the goals workshop or the decision step, with new deadlines. */
function sendBack(state: EngineState, calendar: ProgrammeCalendar, loopTo: string, newDue: string | undefined, now: number): void {
  const index = state.steps.findIndex((s) => s.key === loopTo);
  const target = state.steps[index];
  if (!target) return;
  const due = newDue ? resolveDue(newDue, now) : addDuration(new Date(now), 'P1M').getTime();
  const shift = due - t(target.due);
  for (const s of state.steps.slice(index)) {
    s.status = 'pending';
    delete s.completedAt;
    s.due = iso(t(s.due) + shift);
    delete state.remindFrom[s.key];
  }
  activateNextStep(state, calendar, now);
}

/** Starts chasing the agreement's measure milestones (those reached already stay reached). */
function trackMilestones(state: EngineState, calendar: ProgrammeCalendar, milestones: MilestoneDeadline[], now: number): void {
  const reached = new Set(state.milestones.filter((m) => m.status === 'completed').map((m) => m.key));
  state.milestones = [
    ...state.milestones.filter((m) => reached.has(m.key)),
    ...milestones
      .filter((m) => !reached.has(m.key))
      .map((m): Deadline => ({ key: m.key, name: m.name, due: new Date(m.due).toISOString(), status: 'pending', reminders: [] })),
  ];
  for (const m of state.milestones) if (m.status === 'pending') open(state, calendar, m, now);
}

function startReaudit(state: EngineState, calendar: ProgrammeCalendar, now: number): void {
  state.phase = 'reaudit';
  const end = state.certifiedAt ? addDuration(new Date(state.certifiedAt), calendar.implementationPhase.duration).getTime() : now;
  const reaudit: Deadline = {
    key: `reaudit_${state.cycle}`,
    name: 'Bilanzierung',
    due: addDuration(new Date(Math.max(end, now)), calendar.implementationPhase.reportDueWithin).toISOString(),
    status: 'pending',
    reminders: [],
  };
  state.reaudit = reaudit;
  open(state, calendar, reaudit, now);
}

/** An ISO date, or an ISO-8601 duration from now. */
function resolveDue(value: string, now: number): number {
  return value.startsWith('P') ? addDuration(new Date(now), value).getTime() : t(value);
}

// ---- operator interventions --------------------------------------------------------------

const done = (d: Deadline): boolean => d.status === 'completed' || d.status === 'waived';

/** Throws a Refusal saying why the intervention does not apply; changes nothing. */
export function validateIntervention(state: EngineState, iv: Intervention): void {
  if (iv.id && state.interventions.some((i) => i.id === iv.id)) return; // a retry: answered from the record
  const refuse = (code: ProcessProblemCode, message: string, params: ProblemParams = {}): never => {
    throw new Refusal(code, params, message);
  };
  if (!iv.reason || iv.reason.trim().length < 3) refuse('intervention.reason_required', 'a reason is required');
  if (!iv.operator?.id) refuse('intervention.operator_required', 'the operator is required');
  if (isFinished(state) && iv.kind !== 'remind_now') {
    const why = finished(state);
    refuse(why.code, why.text, why.params);
  }
  const deadline = (key: string | undefined): Deadline => {
    if (!key) return refuse('intervention.deadline_required', 'say which step or report');
    const d = findDeadline(state, key);
    if (!d) return refuse('deadline.not_found', `unknown step or report "${key}"`, { key });
    return d;
  };
  const alreadyDone = (d: Deadline): never => refuse('deadline.already_done', `"${d.name}" is already ${d.status}`, { name: d.name, status: d.status });
  switch (iv.kind) {
    case 'extend_deadline': {
      if (iv.shiftAll) {
        if (!iv.by) refuse('intervention.shift_needs_by', 'shifting all remaining deadlines needs a duration ("by")');
        if (remaining(state).length === 0) refuse('deadline.none_remaining', 'there are no remaining deadlines');
      } else {
        const d = iv.current ? (currentDeadline(state) ?? refuse('deadline.none_current', 'no deadline is running right now')) : deadline(iv.key);
        if (done(d)) {
          const status = d.status === 'waived' ? 'waived' : 'completed';
          refuse('deadline.done_reopen_first', `"${d.name}" is already ${status}; reopen it first`, { name: d.name, status });
        }
        if (!iv.by && !iv.until) refuse('intervention.by_or_until', 'give a duration ("by") or a new due date ("until")');
        if (iv.until && Number.isNaN(t(iv.until))) refuse('intervention.until_not_date', '"until" must be an ISO date');
        if (iv.until && t(iv.until) <= t(d.due)) refuse('intervention.until_not_later', 'the new due date must be later than the current one', { due: day(d.due) });
      }
      if (iv.by && !/^P(?!$)/.test(iv.by)) refuse('intervention.by_not_duration', '"by" must be an ISO-8601 duration such as P14D', { by: iv.by });
      return;
    }
    case 'waive_step': {
      const d = deadline(iv.key);
      if (done(d)) alreadyDone(d);
      return;
    }
    case 'reopen_step': {
      const d = deadline(iv.key);
      if (!done(d)) refuse('deadline.not_closed', `"${d.name}" is not closed`, { name: d.name });
      if (state.phase !== 'development' || !state.steps.includes(d)) {
        refuse('deadline.reopen_development_only', 'only steps of the development phase can be reopened while it runs');
      }
      return;
    }
    case 'reassign': {
      if (!iv.responsible?.name?.trim()) refuse('intervention.responsible_required', 'name the new responsible person');
      if (iv.key) {
        const d = deadline(iv.key);
        if (done(d)) alreadyDone(d);
      }
      return;
    }
    case 'pause':
      if (state.paused) refuse('quarter.paused', `the quarter is paused since ${state.paused.since}`, { since: day(state.paused.since) });
      return;
    case 'resume':
      if (!state.paused) refuse('quarter.not_paused', 'the quarter is not paused');
      return;
    case 'remind_now':
      if (iv.key) {
        const d = deadline(iv.key);
        if (done(d)) alreadyDone(d);
      } else if (openDeadlines(state).length === 0) refuse('deadline.nothing_due', 'nothing is due that could be reminded');
      return;
    case 'withdraw':
      return;
    default:
      refuse('intervention.unknown', 'unknown intervention');
  }
}

/** Deadlines not yet done: the current ones and those still to come. */
function remaining(state: EngineState): Deadline[] {
  const all: Deadline[] = [...state.steps, ...state.reports, ...state.milestones, ...(state.reaudit ? [state.reaudit] : [])];
  return all.filter((d) => !done(d));
}

const snapshot = (d: Deadline) => ({ key: d.key, status: d.status, due: d.due, responsible: d.responsible ?? null });

/** Applies a validated intervention; returns what changed, before and after. */
export interface InterventionRules {
  /**
   * An extension clears the stalled mark only when the quarter is no longer overdue. Off only
   * while replaying histories recorded before this rule (the workflow asks `patched()`).
   */
  keepStalledWhileOverdue: boolean;
}

export function applyIntervention(
  state: EngineState,
  calendar: ProgrammeCalendar,
  iv: Intervention,
  id: string,
  now: number,
  rules: InterventionRules = { keepStalledWhileOverdue: true },
): InterventionResult {
  let before: unknown;
  let after: unknown;
  let summary: string;
  let summaryCode: InterventionSummaryCode;
  let summaryParams: ProblemParams = {};
  let stillOverdueSince: string | undefined;
  switch (iv.kind) {
    case 'extend_deadline': {
      const targets = iv.shiftAll ? remaining(state) : [(iv.current ? currentDeadline(state) : findDeadline(state, iv.key as string)) as Deadline];
      before = targets.map(snapshot);
      for (const d of targets) {
        d.due = iv.until && !iv.shiftAll ? new Date(iv.until).toISOString() : addDuration(new Date(d.due), iv.by as string).toISOString();
        if (d.status === 'active') state.remindFrom[d.key] = iso(now);
      }
      after = targets.map(snapshot);
      summary = iv.shiftAll ? `all ${targets.length} remaining deadlines moved by ${iv.by}` : `"${targets[0]?.name}" due ${targets[0]?.due.slice(0, 10)}`;
      summaryCode = iv.shiftAll ? 'shifted_all' : 'due';
      summaryParams = iv.shiftAll ? { count: targets.length, by: iv.by as string } : { name: targets[0]?.name ?? '', date: day(targets[0]?.due ?? '') };
      const stillOverdue = overdueSince(state, now);
      if (rules.keepStalledWhileOverdue && stillOverdue) {
        // Activity, but no cure: the quarter stays overdue, so it stays stalled, and the result says so.
        const stalled = state.stalled;
        progress(state, now);
        state.stalled = stalled;
        summary += `; still overdue since ${stillOverdue.slice(0, 10)}`;
        summaryCode = iv.shiftAll ? 'shifted_all_still_overdue' : 'due_still_overdue';
        summaryParams = { ...summaryParams, since: day(stillOverdue) };
        stillOverdueSince = stillOverdue;
      } else {
        progress(state, now);
      }
      break;
    }
    case 'waive_step': {
      const d = findDeadline(state, iv.key) as Deadline;
      before = snapshot(d);
      d.status = 'waived';
      d.waivedReason = iv.reason;
      delete state.remindFrom[d.key];
      if (state.currentStep === d.key) activateNextStep(state, calendar, now);
      else if (state.phase === 'implementation' && state.reports.every(done)) startReaudit(state, calendar, now);
      after = snapshot(d);
      summary = `"${d.name}" waived`;
      summaryCode = 'waived';
      summaryParams = { name: d.name };
      progress(state, now);
      break;
    }
    case 'reopen_step': {
      const d = findDeadline(state, iv.key) as Deadline;
      before = { step: snapshot(d), currentStep: state.currentStep };
      const current = state.steps.find((s) => s.key === state.currentStep);
      if (current && current !== d) current.status = 'pending';
      d.status = 'pending';
      delete d.completedAt;
      delete d.waivedReason;
      if (iv.until) d.due = new Date(iv.until).toISOString();
      open(state, calendar, d, now);
      state.currentStep = d.key;
      after = { step: snapshot(d), currentStep: state.currentStep };
      summary = `"${d.name}" reopened`;
      summaryCode = 'reopened';
      summaryParams = { name: d.name };
      progress(state, now);
      break;
    }
    case 'reassign': {
      const d = iv.key ? (findDeadline(state, iv.key) as Deadline) : undefined;
      before = d ? (d.responsible ?? state.responsible ?? null) : (state.responsible ?? null);
      if (d) d.responsible = { ...iv.responsible };
      else state.responsible = { ...iv.responsible };
      after = { ...iv.responsible };
      summary = `${d ? `"${d.name}"` : 'quarter'} reassigned to ${iv.responsible.name}`;
      summaryCode = d ? 'reassigned_step' : 'reassigned_quarter';
      summaryParams = d ? { name: d.name, to: iv.responsible.name } : { to: iv.responsible.name };
      touch(state, now);
      break;
    }
    case 'pause':
      before = { paused: null };
      state.paused = { since: iso(now), reason: iv.reason };
      after = { paused: state.paused };
      summary = 'paused';
      summaryCode = 'paused';
      touch(state, now);
      break;
    case 'resume': {
      const since = t((state.paused as { since: string }).since);
      const pausedFor = now - since;
      before = { paused: state.paused, deadlines: remaining(state).map(snapshot) };
      // The clocks stood still: every remaining deadline, and the inactivity clock, move by the pause.
      for (const d of remaining(state)) {
        d.due = iso(t(d.due) + pausedFor);
        if (state.remindFrom[d.key]) state.remindFrom[d.key] = iso(t(state.remindFrom[d.key] as string) + pausedFor);
      }
      state.lastActivityAt = iso(t(state.lastActivityAt) + pausedFor);
      state.pausedMs += pausedFor;
      state.paused = null;
      after = { paused: null, deadlines: remaining(state).map(snapshot) };
      summary = `resumed; deadlines moved by ${Math.round(pausedFor / 86_400_000)} days`;
      summaryCode = 'resumed';
      summaryParams = { days: Math.round(pausedFor / 86_400_000) };
      touch(state, now);
      break;
    }
    case 'remind_now': {
      const d = iv.key ? (findDeadline(state, iv.key) as Deadline) : (openDeadlines(state)[0] as Deadline);
      before = { reminders: d.reminders.length };
      d.reminders.push({ kind: 'manual', occurrence: d.reminders.filter((r) => r.kind === 'manual').length + 1, at: iso(now) });
      after = { reminders: d.reminders.length };
      summary = `reminder for "${d.name}" sent`;
      summaryCode = 'reminded';
      summaryParams = { name: d.name };
      touch(state, now);
      break;
    }
    case 'withdraw':
      before = { phase: state.phase };
      state.phase = 'withdrawn';
      state.withdrawn = { at: iso(now), reason: iv.reason };
      state.currentStep = null;
      after = { phase: state.phase, withdrawn: state.withdrawn };
      summary = 'withdrawn';
      summaryCode = 'withdrawn';
      touch(state, now);
      break;
  }
  state.interventions.push({ id, kind: iv.kind, operator: iv.operator, reason: iv.reason, at: iso(now), summary, summaryCode, summaryParams });
  if (state.interventions.length > MAX_INTERVENTIONS) state.interventions.splice(0, state.interventions.length - MAX_INTERVENTIONS);
  return { kind: iv.kind, summary, summaryCode, summaryParams, before, after, ...(stillOverdueSince ? { stillOverdueSince } : {}) };
}

/** The public view: internal bookkeeping stays inside the workflow. */
export function publicState(state: EngineState): ProcessState {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { remindFrom, recentEventIds, ...rest } = state;
  return rest;
}

// ---- facts other services follow ----------------------------------------------------------

/**
 * What the process has decided that other services follow, derived from the state alone
 * (so every projection can carry them; ids make repeats harmless): the certification of the
 * current cycle with its validity and report windows, the expiry, the withdrawal.
 */
export function processFacts(state: EngineState, calendar: ProgrammeCalendar): NewDomainEvent[] {
  const facts: NewDomainEvent[] = [];
  const q = state.quarterId;
  if (state.certifiedAt && state.certificateValidUntil) {
    const schedule = annualReportSchedule(calendar, new Date(state.certifiedAt));
    const payload = {
      cycle: state.cycle,
      certifiedAt: state.certifiedAt,
      validUntil: state.certificateValidUntil,
      reports: schedule.map((r, i) => ({ year: r.year, final: i === schedule.length - 1, opensAt: r.periodEnd, due: r.due })),
    };
    facts.push(
      state.cycle === 1
        ? { id: `process:${q}:certified:1`, type: 'process.certified', quarterId: q, occurredAt: state.certifiedAt, payload }
        : { id: `process:${q}:certified:${state.cycle}`, type: 'process.cycle_renewed', quarterId: q, occurredAt: state.certifiedAt, payload },
    );
  }
  if (state.phase === 'closed' && state.closedAt) {
    facts.push({ id: `process:${q}:expired:${state.cycle}`, type: 'process.certificate_expired', quarterId: q, occurredAt: state.closedAt, payload: { cycle: state.cycle, at: state.closedAt } });
  }
  if (state.withdrawn) {
    facts.push({ id: `process:${q}:withdrawn`, type: 'process.withdrawn', quarterId: q, occurredAt: state.withdrawn.at, payload: state.withdrawn });
  }
  // What the process chases now: each open deadline once per due date (a new date after an
  // extension or a reopening is a new fact), and once it has turned overdue (its first
  // overdue reminder). A report's deadline opening is its reporting window opening.
  const open: Array<[DeadlineKind, Deadline]> = [
    ...state.steps.map((d): [DeadlineKind, Deadline] => ['step', d]),
    ...state.reports.map((d): [DeadlineKind, Deadline] => ['report', d]),
    ...(state.reaudit ? [['reaudit', state.reaudit] as [DeadlineKind, Deadline]] : []),
    ...state.milestones.map((d): [DeadlineKind, Deadline] => ['milestone', d]),
  ].filter(([, d]) => d.status === 'active');
  for (const [kind, d] of open) {
    const payload = { key: d.key, name: d.name, kind, due: d.due, cycle: state.cycle };
    facts.push({ id: `process:${q}:opened:${d.key}:${d.due}`, type: 'process.deadline_opened', quarterId: q, occurredAt: state.updatedAt, payload });
    // Reminders sent for an earlier due date (before an extension) do not count for this one.
    const overdue = d.reminders.find((r) => r.kind === 'overdue' && t(r.at) > t(d.due));
    if (overdue) facts.push({ id: `process:${q}:overdue:${d.key}:${d.due}`, type: 'process.deadline_overdue', quarterId: q, occurredAt: overdue.at, payload });
  }
  if (state.stalled) {
    facts.push({ id: `process:${q}:stalled:${state.stalled.since}`, type: 'process.stalled', quarterId: q, occurredAt: state.stalled.since, payload: state.stalled });
  }
  if (state.lastStallCleared) {
    const c = state.lastStallCleared;
    facts.push({ id: `process:${q}:stall_cleared:${c.since}`, type: 'process.stall_cleared', quarterId: q, occurredAt: c.at, payload: { since: c.since, clearedAt: c.at } });
  }
  return facts;
}
