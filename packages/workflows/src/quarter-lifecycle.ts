import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  AuditContext,
  AuditRecordCommand,
  Deadline,
  NotificationKind,
  ProcessActivities,
  ProcessRefusal,
  ProcessState,
  QuarterLifecycleInput,
} from '@genq/contracts';
import { PROCESS_REFUSAL_TYPE, SEARCH_ATTRIBUTES, interveneUpdate, processStateQuery, reportEventUpdate } from '@genq/contracts/temporal';
import {
  Refusal,
  applyEvent,
  applyIntervention,
  checkInactivity,
  createState,
  findDeadline,
  isFinished,
  nextWakeUp,
  openDeadlines,
  overdueSince,
  processFacts,
  publicState,
  takeDueReminders,
  validateIntervention,
  type EngineState,
} from './process-state';

const { projectProcessState, sendNotification, recordAudit } = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/**
 * The workflow records the audit entry of an intervention or a reported event it applied.
 * Patched: an update that carried an audit context but was applied by a worker from before
 * (a rolling deployment) has no such activity in its history, and replays without one.
 */
export const AUDIT_ENTRIES_PATCH = 'audit-entries-in-workflow';

/**
 * A change applied while the main loop awaited a projection (an update or event during an
 * actors outage, whose projection activity keeps retrying) used to be cleared with `changed`
 * and stayed out of the read model until the next change. Patched: histories recorded before
 * waited there and replay without the extra projection.
 */
export const PROJECT_CHANGES_DURING_SYNC_PATCH = 'project-changes-applied-during-sync';

/** Keeps each run's history small: a new run per phase, per reporting year, or when Temporal suggests it. */
const MAX_HISTORY_EVENTS = 5000;

/**
 * A quarter's lifecycle (id `quarter-<quarterId>`): the development phase's seven steps,
 * each completed by the deliverable its owning service reports; certification; the
 * implementation phase with annual reports; the Bilanzierung that renews or closes.
 * Deadlines are chased with reminders and escalation by the programme calendar; operators
 * intervene through validated updates. The rules live in ./process-state (pure functions);
 * this function owns the clock and the side effects.
 */
export async function quarterLifecycleWorkflow(input: QuarterLifecycleInput): Promise<ProcessState> {
  const calendar = input.calendar;
  const workflowId = workflowInfo().workflowId;
  const state = createState(input, Date.now());
  const runStart = { phase: state.phase, cycle: state.cycle, reportsDone: reportsDone(state) };
  let changed = false;
  let syncedVersion = -1;

  setHandler(processStateQuery, () => publicState(state));

  setHandler(
    reportEventUpdate,
    (event) => {
      const outcome = applyEvent(state, calendar, event, Date.now());
      if (outcome.applied) changed = true;
      // Recorded either way, as over HTTP before: who reported what, and whether the process took it.
      if (!event.audit || !patched(AUDIT_ENTRIES_PATCH)) return outcome;
      const { audit, quarterId: _quarterId, ...reported } = event;
      return audited(audit, `event:${uuid4()}`, {
        action: `process.${event.type}`,
        reason: outcome.reason ?? null,
        before: null,
        after: { event: reported, outcome },
      }).then(() => outcome);
    },
    {
      validator: (event) => {
        if (event.quarterId !== state.quarterId) {
          throw refused(new Refusal('event.wrong_quarter', { eventQuarterId: event.quarterId, quarterId: state.quarterId }, `event for quarter ${event.quarterId} sent to ${state.quarterId}`));
        }
        if (!event.eventId) throw refused(new Refusal('event.id_required', {}, 'an event needs an eventId'));
      },
    },
  );

  setHandler(
    interveneUpdate,
    // Synchronous unless a reminder must go out: the update completes in the same workflow
    // task that applies it, which the time-skipping test server also handles.
    (intervention) => {
      const repeat = intervention.id ? state.interventions.find((i) => i.id === intervention.id) : undefined;
      if (repeat) {
        const said = repeat.summaryCode ? { summaryCode: repeat.summaryCode, summaryParams: repeat.summaryParams ?? {} } : {};
        return { kind: repeat.kind, summary: repeat.summary, ...said, before: null, after: null };
      }
      const id = intervention.id ?? uuid4();
      const remindKey = intervention.kind === 'remind_now' ? (intervention.key ?? openDeadlines(state)[0]?.key) : undefined;
      // Histories recorded before the rule keep their old outcome: an extension always cleared the stalled mark.
      const rules = { keepStalledWhileOverdue: intervention.kind !== 'extend_deadline' || patched('keep-stalled-while-overdue') };
      const result = applyIntervention(state, calendar, intervention, id, Date.now(), rules);
      changed = true;
      const deadline = remindKey ? findDeadline(state, remindKey) : undefined;
      const audit = intervention.audit && patched(AUDIT_ENTRIES_PATCH) ? intervention.audit : undefined;
      if (!deadline && !audit) return result;
      return (async () => {
        if (deadline) await notify(deadline, 'manual', deadline.reminders.length, `manual:${id}`);
        if (audit) {
          await audited(audit, `intervention:${id}`, { action: `intervention.${intervention.kind}`, reason: intervention.reason, before: result.before, after: result.after });
        }
        return result;
      })();
    },
    {
      validator: (intervention) => {
        try {
          validateIntervention(state, intervention);
        } catch (err) {
          throw refused(err);
        }
      },
    },
  );

  /**
   * The audit entry of an update this workflow applied, once per key. The activity is retried
   * while the actors service is away (the update answers when the entry is in); an entry the
   * log refuses outright is logged, not turned into a failed update: the change is applied.
   */
  async function audited(audit: AuditContext, key: string, entry: Pick<AuditRecordCommand, 'action' | 'reason' | 'before' | 'after'>): Promise<void> {
    try {
      await recordAudit({
        actor: audit.actor,
        resourceType: 'quarter',
        resourceId: state.quarterId,
        programmeId: audit.programmeId ?? state.programmeId,
        quarterId: state.quarterId,
        requestId: audit.requestId,
        ...entry,
        key: `${workflowId}:${key}`,
      });
    } catch (err) {
      log.error(`audit entry ${entry.action} of ${state.quarterId} refused: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function notify(deadline: Deadline | null, kind: NotificationKind, occurrence: number, keySuffix?: string): Promise<void> {
    const facts = state.quarter;
    const quarterName = facts ? `${facts.name} (${facts.municipality})` : state.quarterId;
    const toOffice = kind === 'escalation' || kind === 'stalled';
    const person = deadline?.responsible ?? state.responsible;
    const recipientName = toOffice ? 'Programmstelle' : (person?.name ?? (facts ? `Projektleitung ${facts.housingCompany}` : null));
    const due = deadline ? new Date(deadline.due).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) : '';
    const subject = {
      before_due: `Erinnerung: „${deadline?.name}“ ist am ${due} fällig – ${quarterName}`,
      on_due: `Heute fällig: „${deadline?.name}“ – ${quarterName}`,
      overdue: `Überfällig seit ${due}: „${deadline?.name}“ – ${quarterName}`,
      escalation: `Eskalation: „${deadline?.name}“ im Quartier ${quarterName} ist seit ${due} überfällig`,
      stalled: `Quartier ${quarterName} stockt: ${state.stalled?.reason ?? ''}`,
      manual: `Erinnerung der Programmstelle: „${deadline?.name}“ – ${quarterName}`,
    }[kind];
    const body = [
      `Guten Tag${recipientName ? ` ${recipientName}` : ''},`,
      '',
      deadline ? `im Quartier ${quarterName} ist der Schritt „${deadline.name}“ am ${due} fällig.` : `im Quartier ${quarterName} ist seit längerer Zeit nichts geschehen.`,
      toOffice ? 'Das Quartier ist als stockend markiert. Bitte prüfen Sie, ob eine Intervention nötig ist.' : 'Bitte reichen Sie die Unterlagen rechtzeitig ein oder melden Sie sich bei der Programmstelle.',
      '',
      'Mit freundlichen Grüßen',
      'GenQ – Generationengerechtes Wohnen im Quartier',
    ].join('\n');
    await sendNotification({
      idempotencyKey: [workflowId, deadline?.key ?? 'quarter', deadline?.due ?? state.lastActivityAt, kind, keySuffix ?? occurrence].join(':'),
      quarterId: state.quarterId,
      kind,
      deadlineKey: deadline?.key ?? null,
      occurrence,
      recipientName,
      recipientEmail: toOffice ? null : (person?.email ?? null),
      // Nobody named by the process: the actors service names the person of the lead partner's
      // membership, if any. Only the activity's input changes, so old histories replay as they were.
      ...(toOffice || person ? {} : { recipientRole: 'lead_partner' as const }),
      subject,
      body,
    });
  }

  /** Projects the state into the read model and Temporal's search attributes, once per version. */
  async function syncOut(): Promise<void> {
    if (state.version === syncedVersion) return;
    syncedVersion = state.version;
    if (input.searchAttributes !== false) upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.phase, value: state.phase },
      { key: SEARCH_ATTRIBUTES.step, value: state.currentStep ?? (state.phase === 'development' ? null : state.phase) },
      { key: SEARCH_ATTRIBUTES.stalled, value: state.stalled !== null },
      { key: SEARCH_ATTRIBUTES.nextDue, value: state.nextDue ? new Date(state.nextDue) : null },
      { key: SEARCH_ATTRIBUTES.programme, value: state.programmeId },
      { key: SEARCH_ATTRIBUTES.land, value: state.quarter?.land ?? null },
      { key: SEARCH_ATTRIBUTES.municipality, value: state.quarter?.municipality ?? null },
    ]);
    await projectProcessState({
      quarterId: state.quarterId,
      phase: state.phase,
      currentStep: state.currentStep,
      version: state.version,
      stalled: state.stalled !== null,
      stalledReason: state.stalled?.reason ?? null,
      stalledSince: state.stalled?.since ?? null,
      paused: state.paused !== null,
      nextDue: state.nextDue,
      overdueSince: overdueSince(state, Date.now()),
      facts: processFacts(state, calendar),
    });
  }

  for (;;) {
    await syncOut();
    if (isFinished(state)) {
      await condition(allHandlersFinished);
      await syncOut();
      return publicState(state);
    }
    const info = workflowInfo();
    if (
      state.phase !== runStart.phase ||
      state.cycle !== runStart.cycle ||
      reportsDone(state) !== runStart.reportsDone ||
      info.continueAsNewSuggested ||
      info.historyLength > MAX_HISTORY_EVENTS
    ) {
      await condition(allHandlersFinished);
      await syncOut();
      await continueAsNew<typeof quarterLifecycleWorkflow>({ ...input, resume: state, startAt: undefined });
    }

    const wake = nextWakeUp(state, calendar);
    changed = false;
    if (state.version !== syncedVersion && patched(PROJECT_CHANGES_DURING_SYNC_PATCH)) continue;
    if (wake === null) await condition(() => changed);
    else await condition(() => changed, Math.max(wake - Date.now(), 1));

    const now = Date.now();
    for (const { deadline, moment } of takeDueReminders(state, calendar, now)) {
      await notify(deadline, moment.kind, moment.occurrence);
    }
    if (checkInactivity(state, calendar, now)) await notify(null, 'stalled', 1);
  }
}

/**
 * A refusal as the failure the update answers: its type names it a refusal, its first detail
 * carries the problem code and parameters the gateway answers with; the message stays English.
 * A rejected update leaves no trace in the history, so this changes nothing on replay.
 */
function refused(err: unknown): unknown {
  if (!(err instanceof Refusal)) return err;
  const details: ProcessRefusal = { code: err.code, params: err.params };
  return ApplicationFailure.create({ type: PROCESS_REFUSAL_TYPE, message: err.message, details: [details], nonRetryable: true });
}

function reportsDone(state: EngineState): number {
  return state.reports.filter((r) => r.status === 'completed' || r.status === 'waived').length;
}
