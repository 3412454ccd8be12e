import { createHash } from 'node:crypto';
import {
  ACTION_FIELDS,
  IMPLEMENTATION_YEARS,
  type ActionFieldId,
  type ConceptGap,
  type FieldProblemInput,
  type HandlungskonzeptDto,
} from '@genq/contracts';

/** What a Zielvereinbarung version binds: the Handlungskonzept as submitted, and the frame it was judged in. */
export interface AgreementSnapshot extends HandlungskonzeptDto {
  quarterName: string;
  weakActionFields: ActionFieldId[];
  windowStart: string;
  windowEnd: string;
}

/** A gap of the Handlungskonzept as a field problem: `concept.field_without_goal`, ... */
export interface ConceptGapProblem extends FieldProblemInput {
  code: `concept.${ConceptGap['code']}`;
  params: { actionFieldId: ActionFieldId; goalId?: string; measureId?: string; title?: string; start?: string; end?: string; windowStart?: string; windowEnd?: string };
}

/** JSON with keys sorted at every level, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(snapshot: AgreementSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

/** The three-year implementation window starting on `start` (ISO date). */
export function implementationWindow(start: string): { windowStart: string; windowEnd: string } {
  const d = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  const end = new Date(Date.UTC(d.getUTCFullYear() + IMPLEMENTATION_YEARS, d.getUTCMonth(), d.getUTCDate()));
  return { windowStart: d.toISOString().slice(0, 10), windowEnd: end.toISOString().slice(0, 10) };
}

/**
 * Every reason the concept cannot be submitted, all at once: an action field with weaknesses
 * and neither goal nor justification, a goal without measure, a measure without owner or
 * schedule, or with a schedule outside the implementation window. Each gap is a field problem
 * of the 409 `concept.incomplete` (codes `concept.<gap>`), with the action field, goal and
 * measure it concerns among its parameters.
 */
export function conceptGaps(concept: HandlungskonzeptDto, weakActionFields: readonly ActionFieldId[], window: { windowStart: string; windowEnd: string }): ConceptGapProblem[] {
  const gaps: ConceptGapProblem[] = [];
  for (const field of ACTION_FIELDS) {
    if (!weakActionFields.includes(field)) continue;
    const hasGoal = concept.goals.some((g) => g.actionFieldId === field);
    const justified = concept.justifications.some((j) => j.actionFieldId === field && j.text.trim() !== '');
    if (!hasGoal && !justified) gaps.push({ field: `actionFields.${field}`, code: 'concept.field_without_goal', params: { actionFieldId: field } });
  }
  for (const goal of concept.goals) {
    if (goal.measures.length === 0) {
      gaps.push({ field: `goals.${goal.id}.measures`, code: 'concept.goal_without_measure', params: { actionFieldId: goal.actionFieldId, goalId: goal.id, title: goal.title } });
    }
    for (const m of goal.measures) {
      const where = { actionFieldId: goal.actionFieldId, goalId: goal.id, measureId: m.id, title: m.title };
      if (!m.ownerOrganisationId) gaps.push({ field: `measures.${m.id}.ownerOrganisationId`, code: 'concept.measure_without_owner', params: where });
      if (!m.start || !m.end) {
        gaps.push({ field: `measures.${m.id}`, code: 'concept.measure_without_schedule', params: where });
      } else if (m.start.slice(0, 10) < window.windowStart || m.end.slice(0, 10) > window.windowEnd || m.start > m.end) {
        gaps.push({
          field: `measures.${m.id}`,
          code: 'concept.measure_outside_window',
          params: { ...where, start: m.start.slice(0, 10), end: m.end.slice(0, 10), windowStart: window.windowStart, windowEnd: window.windowEnd },
        });
      }
    }
  }
  return gaps;
}
