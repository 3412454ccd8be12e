import type { InterventionKind, InterventionRequest } from './types';

/** What the intervention dialog collects; every kind uses a subset. */
export interface InterventionForm {
  kind: InterventionKind;
  reason: string;
  key?: string;
  /** extend_deadline: by a number of days, to a date, every open deadline by days, or each quarter's current deadline by days (batches). */
  extendMode?: 'days' | 'until' | 'shiftAll' | 'current';
  days?: number | string;
  until?: string;
  responsibleName?: string;
  responsibleEmail?: string;
}

/** Kinds that name one deadline (required), may name one (optional), or none. */
export const KEY_REQUIRED: readonly InterventionKind[] = ['waive_step', 'reopen_step'];
export const KEY_OPTIONAL: readonly InterventionKind[] = ['reassign', 'remind_now'];

/** Validation: returns translation keys by field, empty when the form may be sent. */
export const validateIntervention = (form: InterventionForm): Record<string, string> => {
  const errors: Record<string, string> = {};
  const reason = (form.reason ?? '').trim();
  if (reason.length < 3) errors.reason = 'process.intervention.errors.reason';
  else if (reason.length > 1000) errors.reason = 'process.intervention.errors.reason_long';
  if (form.kind === 'extend_deadline') {
    const mode = form.extendMode ?? 'days';
    if (mode !== 'shiftAll' && mode !== 'current' && !form.key) errors.key = 'process.intervention.errors.key';
    if (mode === 'until') {
      if (!form.until || Number.isNaN(Date.parse(form.until))) errors.until = 'process.intervention.errors.until';
    } else {
      const days = Number(form.days);
      if (!Number.isInteger(days) || days < 1 || days > 3650) errors.days = 'process.intervention.errors.days';
    }
  }
  if (KEY_REQUIRED.includes(form.kind) && !form.key) errors.key = 'process.intervention.errors.key';
  if (form.kind === 'reassign') {
    if (!(form.responsibleName ?? '').trim()) errors.responsibleName = 'process.intervention.errors.responsible';
    const email = (form.responsibleEmail ?? '').trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.responsibleEmail = 'process.intervention.errors.email';
  }
  return errors;
};

/** The API request for a valid form. */
export const toInterventionRequest = (form: InterventionForm): InterventionRequest => {
  const request: InterventionRequest = { kind: form.kind, reason: form.reason.trim() };
  switch (form.kind) {
    case 'extend_deadline': {
      const mode = form.extendMode ?? 'days';
      if (mode === 'shiftAll') return { ...request, shiftAll: true, by: `P${Number(form.days)}D` };
      if (mode === 'current') return { ...request, current: true, by: `P${Number(form.days)}D` };
      if (mode === 'until') return { ...request, key: form.key, until: form.until };
      return { ...request, key: form.key, by: `P${Number(form.days)}D` };
    }
    case 'waive_step':
      return { ...request, key: form.key };
    case 'reopen_step':
      return form.until ? { ...request, key: form.key, until: form.until } : { ...request, key: form.key };
    case 'reassign': {
      const email = (form.responsibleEmail ?? '').trim();
      const responsible = { name: (form.responsibleName ?? '').trim(), ...(email ? { email } : {}) };
      return form.key ? { ...request, key: form.key, responsible } : { ...request, responsible };
    }
    case 'remind_now':
      return form.key ? { ...request, key: form.key } : request;
    default:
      return request;
  }
};

/** A plain-language preview of the change: a translation key and its parameters. */
export const describeChange = (
  form: InterventionForm,
  context: { deadlineName?: (key: string) => string; currentDue?: (key: string) => string | undefined; formatDate: (iso: string) => string },
): { key: string; params: Record<string, string | number> } => {
  const step = form.key ? (context.deadlineName?.(form.key) ?? form.key) : '';
  switch (form.kind) {
    case 'extend_deadline': {
      const mode = form.extendMode ?? 'days';
      if (mode === 'shiftAll') return { key: 'process.intervention.preview.shift_all', params: { days: Number(form.days) || 0 } };
      if (mode === 'current') return { key: 'process.intervention.preview.extend_current', params: { days: Number(form.days) || 0 } };
      const current = form.key ? context.currentDue?.(form.key) : undefined;
      let next: string | undefined;
      if (mode === 'until' && form.until) next = form.until;
      if (mode === 'days' && current && Number(form.days) > 0) {
        const d = new Date(current);
        d.setUTCDate(d.getUTCDate() + Number(form.days));
        next = d.toISOString();
      }
      if (current && next) {
        return { key: 'process.intervention.preview.extend_dates', params: { step, from: context.formatDate(current), to: context.formatDate(next) } };
      }
      return mode === 'until'
        ? { key: 'process.intervention.preview.extend_until', params: { step, to: form.until ? context.formatDate(form.until) : '–' } }
        : { key: 'process.intervention.preview.extend_days', params: { step, days: Number(form.days) || 0 } };
    }
    case 'reassign':
      return form.key
        ? { key: 'process.intervention.preview.reassign_step', params: { step, name: form.responsibleName ?? '' } }
        : { key: 'process.intervention.preview.reassign', params: { name: form.responsibleName ?? '' } };
    case 'remind_now':
      return form.key ? { key: 'process.intervention.preview.remind_now_step', params: { step } } : { key: 'process.intervention.preview.remind_now', params: {} };
    default:
      return { key: `process.intervention.preview.${form.kind}`, params: { step } };
  }
};

/**
 * True when an extension would still leave the deadline in the past (`now`): the quarter then
 * stays overdue and stalled, and the dialog warns before it is applied. `currentDue` is the
 * chosen deadline's due date; for shifting every open deadline, the earliest one's (the one
 * that keeps the quarter overdue longest).
 */
export const extensionStaysOverdue = (form: InterventionForm, currentDue: string | undefined, now = Date.now()): boolean => {
  if (form.kind !== 'extend_deadline') return false;
  let next: number | undefined;
  if ((form.extendMode ?? 'days') === 'until') next = form.until ? Date.parse(form.until) : undefined;
  else if (currentDue && Number(form.days) > 0) next = Date.parse(currentDue) + Number(form.days) * 86_400_000;
  return next !== undefined && !Number.isNaN(next) && next < now;
};

/** The due date an extension moves: the chosen deadline's, or for shifting all, the earliest open one's. */
export const dueMoved = (form: InterventionForm, deadlines: ReadonlyArray<{ key: string; due?: string | null }>): string | undefined => {
  if ((form.extendMode ?? 'days') === 'shiftAll') {
    const dues = deadlines.map((d) => d.due).filter((d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)));
    return dues.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  }
  return form.key ? (deadlines.find((d) => d.key === form.key)?.due ?? undefined) : undefined;
};
