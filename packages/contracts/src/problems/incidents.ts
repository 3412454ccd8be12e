import type { FieldProblemDefinition, ProblemDefinition } from './types';

/**
 * Technical incidents (issue 18): refusals of the repair actions, whether the gateway, the
 * actors service or the Temporal server refuses them. `action` and `kind` are the English
 * identifiers (retry, pause, resume, reset, cancel; activity, workflow_task, workflow_closed).
 */
export const incidentProblems = {
  'incident.not_found': { status: 404, de: 'Die Störung {id} wurde nicht gefunden.', en: 'Incident {id} not found.' },
  'incident.not_open': {
    status: 409,
    de: 'Die Störung {id} ist bereits behoben; es gibt nichts zu reparieren.',
    en: 'Incident {id} is resolved already; there is nothing to repair.',
  },
  'incident.action_not_for_kind': {
    status: 409,
    de: 'Die Aktion „{action}“ passt nicht zu einer Störung dieser Art ({kind}).',
    en: 'The action "{action}" does not apply to an incident of this kind ({kind}).',
  },
  'incident.cancel_only_batches': {
    status: 409,
    de: 'Abbrechen lassen sich nur Sammelinterventionen; der Prozess eines Quartiers wird repariert, nicht abgebrochen.',
    en: 'Only batch workflows can be cancelled; a quarter\'s process is repaired, not cancelled.',
  },
  'incident.workflow_gone': {
    status: 409,
    de: 'Der Workflow {workflowId} läuft nicht mehr in diesem Lauf; die Störung erledigt sich beim nächsten Suchlauf.',
    en: 'Workflow {workflowId} no longer runs in this run; the next scan resolves the incident.',
  },
  'incident.already_paused': {
    status: 409,
    de: 'Die Aktivität {activityId} ist bereits angehalten; „Fortsetzen“ lässt sie wieder laufen.',
    en: 'Activity {activityId} is paused already; "resume" runs it again.',
  },
  'incident.not_paused': {
    status: 409,
    de: 'Die Aktivität {activityId} ist nicht angehalten; es gibt nichts fortzusetzen.',
    en: 'Activity {activityId} is not paused; there is nothing to resume.',
  },
  'incident.activity_gone': {
    status: 409,
    de: 'Die Aktivität {activityId} wartet nicht mehr auf einen Versuch; die Störung erledigt sich beim nächsten Suchlauf.',
    en: 'Activity {activityId} no longer waits for an attempt; the next scan resolves the incident.',
  },
  'incident.server_refused': {
    status: 409,
    de: 'Der Temporal-Server lehnt die Aktion „{action}“ ab. Grund: „{message}“.',
    en: 'The Temporal server refuses the action "{action}". Reason: "{message}".',
  },
  'incident.reset_no_good_task': {
    status: 409,
    de: 'Im Verlauf von {workflowId} gibt es keinen erfolgreichen Workflow-Task, auf den zurückgesetzt werden könnte.',
    en: 'The history of {workflowId} has no successful workflow task to reset to.',
  },
  'incident.batch_empty': { status: 400, de: 'Der Filter trifft auf keine offene Störung zu.', en: 'The filter matches no open incident.' },
  'incident.batch_too_broad': {
    status: 400,
    de: 'Der Filter trifft auf {count} Störungen zu; höchstens {max} auf einmal.',
    en: 'The filter matches {count} incidents; at most {max} at once.',
  },
} as const satisfies Record<string, ProblemDefinition>;

export const incidentFieldProblems = {
  'incident.ids_or_filter': {
    de: 'Bitte nennen Sie genau eine Störung (id) oder einen Filter.',
    en: 'Give exactly one incident (id) or a filter.',
  },
} as const satisfies Record<string, FieldProblemDefinition>;
