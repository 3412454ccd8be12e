import type { FieldProblemDefinition, ProblemDefinition } from './types';

/**
 * Refusals of the process context: interventions and reported events the lifecycle workflow
 * refuses (its update validators throw them with code and parameters, the gateway answers
 * them), events it does not apply (`EventOutcome.reasonCode`), and the gateway's own answers
 * about processes and batches. Dates are YYYY-MM-DD; `status` and `phase` are said in words.
 */
export const processProblems = {
  // Interventions (POST /quarters/:id/interventions, and each quarter of a batch)
  'intervention.reason_required': { status: 409, de: 'Eine Begründung ist erforderlich.', en: 'A reason is required.' },
  'intervention.operator_required': { status: 409, de: 'Die ausführende Person fehlt.', en: 'The operator is required.' },
  'intervention.unknown': { status: 409, de: 'Diesen Eingriff gibt es nicht.', en: 'Unknown intervention.' },
  'intervention.deadline_required': {
    status: 409,
    de: 'Bitte geben Sie an, welcher Schritt oder Bericht gemeint ist.',
    en: 'Say which step or report.',
  },
  'intervention.shift_needs_by': {
    status: 409,
    de: 'Um alle offenen Fristen zu verschieben, braucht es eine Dauer („by“).',
    en: 'Shifting all remaining deadlines needs a duration ("by").',
  },
  'intervention.by_or_until': {
    status: 409,
    de: 'Bitte geben Sie eine Dauer („by“) oder ein neues Fälligkeitsdatum („until“) an.',
    en: 'Give a duration ("by") or a new due date ("until").',
  },
  'intervention.until_not_date': { status: 409, de: '„until“ muss ein Datum sein.', en: '"until" must be an ISO date.' },
  'intervention.until_not_later': {
    status: 409,
    de: 'Das neue Fälligkeitsdatum muss nach dem bisherigen ({due}) liegen.',
    en: 'The new due date must be later than the current one ({due}).',
  },
  'intervention.by_not_duration': {
    status: 409,
    de: '„by“ muss eine Dauer im Format ISO 8601 sein, etwa P14D.',
    en: '"by" must be an ISO-8601 duration such as P14D.',
  },
  'intervention.responsible_required': { status: 409, de: 'Bitte nennen Sie die neue zuständige Person.', en: 'Name the new responsible person.' },
  'deadline.not_found': { status: 409, de: 'Einen Schritt oder Bericht „{key}“ gibt es nicht.', en: 'Unknown step or report "{key}".' },
  'deadline.none_remaining': { status: 409, de: 'Es gibt keine offenen Fristen.', en: 'There are no remaining deadlines.' },
  'deadline.none_current': { status: 409, de: 'Das Quartier hat gerade keine laufende Frist.', en: 'The quarter has no deadline running right now.' },
  'deadline.done_reopen_first': {
    status: 409,
    de: '„{name}“ ist bereits {status}. Bitte öffnen Sie den Schritt zuerst wieder.',
    en: '"{name}" is already {status}; reopen it first.',
  },
  'deadline.already_done': { status: 409, de: '„{name}“ ist bereits {status}.', en: '"{name}" is already {status}.' },
  'deadline.not_closed': { status: 409, de: '„{name}“ ist nicht abgeschlossen.', en: '"{name}" is not closed.' },
  'deadline.reopen_development_only': {
    status: 409,
    de: 'Wieder geöffnet werden können nur Schritte der Entwicklungsphase, solange sie läuft.',
    en: 'Only steps of the development phase can be reopened while it runs.',
  },
  'deadline.nothing_due': { status: 409, de: 'Es ist nichts fällig, woran erinnert werden könnte.', en: 'Nothing is due that could be reminded.' },
  'process.closed': { status: 409, de: 'Der Prozess des Quartiers ist abgeschlossen.', en: 'The quarter is closed.' },
  'process.withdrawn': {
    status: 409,
    de: 'Das Quartier wurde aus dem Programm zurückgezogen; sein Prozess ist beendet.',
    en: 'The quarter is withdrawn.',
  },
  'quarter.paused': { status: 409, de: 'Das Quartier ist seit dem {since} pausiert.', en: 'The quarter is paused since {since}.' },
  'quarter.not_paused': { status: 409, de: 'Das Quartier ist nicht pausiert.', en: 'The quarter is not paused.' },

  // Reported events: refused by the validator (409), or answered `applied: false` with one of these codes
  'event.wrong_quarter': {
    status: 409,
    de: 'Das Ereignis gehört zum Quartier {eventQuarterId}, nicht zu {quarterId}.',
    en: 'Event for quarter {eventQuarterId} sent to {quarterId}.',
  },
  'event.id_required': { status: 409, de: 'Ein Ereignis braucht eine eventId.', en: 'An event needs an eventId.' },
  'event.duplicate': { status: 409, de: 'Dieses Ereignis wurde bereits verarbeitet.', en: 'Duplicate event.' },
  'event.development_over': { status: 409, de: 'Die Entwicklungsphase ist vorbei.', en: 'The development phase is over.' },
  'event.unknown_step': { status: 409, de: 'Einen Schritt „{step}“ gibt es nicht.', en: 'Unknown step {step}.' },
  'event.step_done': { status: 409, de: 'Der Schritt „{step}“ ist bereits erledigt.', en: 'Step {step} is already done.' },
  'event.no_review_pending': { status: 409, de: 'Es wartet kein Handlungskonzept auf die Prüfung.', en: 'No concept is waiting for review.' },
  'event.report_not_due': {
    status: 409,
    de: 'In diesem Zyklus ist kein Jahresbericht {year} fällig.',
    en: 'No annual report {year} is due in this cycle.',
  },
  'event.report_in': { status: 409, de: 'Der Jahresbericht {year} liegt bereits vor.', en: 'Annual report {year} is already in.' },
  'event.report_not_open': {
    status: 409,
    de: 'In diesem Zyklus ist kein Jahresbericht {year} offen.',
    en: 'No annual report {year} is open in this cycle.',
  },
  'event.report_not_in': { status: 409, de: 'Der Jahresbericht {year} liegt noch nicht vor.', en: 'Annual report {year} is not in.' },
  'event.milestone_unknown': { status: 409, de: 'Ein Meilenstein {key} wird nicht verfolgt.', en: 'No milestone {key} is tracked.' },
  'event.milestone_reached': { status: 409, de: 'Der Meilenstein {key} ist bereits erreicht.', en: 'Milestone {key} is already reached.' },
  'event.measures_in_implementation': {
    status: 409,
    de: 'Maßnahmen werden erst in der Umsetzungsphase verfolgt.',
    en: 'Measures are tracked in the implementation phase.',
  },
  'event.amendment_needs_implementation': {
    status: 409,
    de: 'Eine Änderung setzt eine zertifizierte Zielvereinbarung in der Umsetzungsphase voraus.',
    en: 'An amendment needs a certified agreement in implementation.',
  },
  'event.amendment_open': { status: 409, de: 'Die Änderung {amendmentId} ist noch offen.', en: 'Amendment {amendmentId} is still open.' },
  'event.amendment_not_open': { status: 409, de: 'Die Änderung {amendmentId} ist nicht offen.', en: 'Amendment {amendmentId} is not open.' },
  'event.amendment_unconfirmed': {
    status: 409,
    de: 'Beide Partner müssen die Änderung bestätigen, bevor die Programmstelle sie annimmt.',
    en: 'Both partners must confirm the amendment before the programme office accepts it.',
  },
  'event.no_reaudit_due': { status: 409, de: 'Es steht keine Bilanzierung an.', en: 'No Bilanzierung is due.' },
  'event.unknown_type': { status: 409, de: 'Diese Art von Ereignis gibt es nicht.', en: 'Unknown event type.' },

  // The gateway's answers about processes and batches
  'quarter.no_process': { status: 404, de: 'Für das Quartier {quarterId} läuft kein Prozess.', en: 'Quarter {quarterId} has no process.' },
  'batch.not_found': { status: 404, de: 'Die Sammelintervention {batchId} wurde nicht gefunden.', en: 'Batch {batchId} not found.' },
  'batch.too_broad': {
    status: 400,
    de: 'Der Filter trifft auf {count} Quartiere zu; eine Sammelintervention umfasst höchstens {max}.',
    en: 'The filter matches {count} quarters; a batch takes at most {max}.',
  },
  'batch.empty': { status: 400, de: 'Der Filter trifft auf kein Quartier zu.', en: 'The filter matches no quarter.' },
  /** A batch item the worker could not apply (after its retries): the technical reason stays in `reason`. */
  'batch.item_failed': {
    status: 500,
    de: 'Der Eingriff konnte für dieses Quartier nicht ausgeführt werden.',
    en: 'The intervention could not be carried out for this quarter.',
  },
} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the process context writes by hand (beyond the validation constraints of ./common). */
export const processFieldProblems = {
  'batch.filter_too_broad': { de: 'trifft auf zu viele Quartiere zu (höchstens {max}).', en: 'matches too many quarters (at most {max}).' },
  'batch.filter_empty': { de: 'trifft auf kein Quartier zu.', en: 'matches no quarter.' },
} as const satisfies Record<string, FieldProblemDefinition>;

/** Process refusal codes (what the workflow raises, and what a batch item or event outcome carries). */
export type ProcessProblemCode = keyof typeof processProblems;

/**
 * What an intervention did, as a code with parameters beside the English `summary` (which
 * stays for old readers). The console says it in its own words (process.summary.<code>).
 * Parameters: `name` (a step's name), `date`/`since` (YYYY-MM-DD), `count`, `by` (an ISO-8601
 * duration), `to` (a person's name), `days`.
 */
export const INTERVENTION_SUMMARY_CODES = [
  'due',
  'due_still_overdue',
  'shifted_all',
  'shifted_all_still_overdue',
  'waived',
  'reopened',
  'reassigned_step',
  'reassigned_quarter',
  'paused',
  'resumed',
  'reminded',
  'withdrawn',
] as const;

export type InterventionSummaryCode = (typeof INTERVENTION_SUMMARY_CODES)[number];
