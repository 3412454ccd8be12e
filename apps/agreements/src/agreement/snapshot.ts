import { createHash } from 'node:crypto';
import {
  ACTION_FIELDS,
  IMPLEMENTATION_YEARS,
  type ActionFieldId,
  type ConceptGap,
  type HandlungskonzeptDto,
} from '@genq/contracts';

/** What a Zielvereinbarung version binds: the Handlungskonzept as submitted, and the frame it was judged in. */
export interface AgreementSnapshot extends HandlungskonzeptDto {
  quarterName: string;
  weakActionFields: ActionFieldId[];
  windowStart: string;
  windowEnd: string;
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
 * schedule, or with a schedule outside the implementation window.
 */
export function conceptGaps(concept: HandlungskonzeptDto, weakActionFields: readonly ActionFieldId[], window: { windowStart: string; windowEnd: string }): ConceptGap[] {
  const gaps: ConceptGap[] = [];
  for (const field of ACTION_FIELDS) {
    if (!weakActionFields.includes(field)) continue;
    const hasGoal = concept.goals.some((g) => g.actionFieldId === field);
    const justified = concept.justifications.some((j) => j.actionFieldId === field && j.text.trim() !== '');
    if (!hasGoal && !justified) {
      gaps.push({ code: 'field_without_goal', actionFieldId: field, message: `Handlungsfeld ${field} has weaknesses but neither a goal nor a written justification` });
    }
  }
  for (const goal of concept.goals) {
    if (goal.measures.length === 0) {
      gaps.push({ code: 'goal_without_measure', actionFieldId: goal.actionFieldId, goalId: goal.id, message: `Goal "${goal.title}" has no measure` });
    }
    for (const m of goal.measures) {
      const where = { actionFieldId: goal.actionFieldId, goalId: goal.id, measureId: m.id };
      if (!m.ownerOrganisationId) gaps.push({ code: 'measure_without_owner', ...where, message: `Measure "${m.title}" has no owner` });
      if (!m.start || !m.end) {
        gaps.push({ code: 'measure_without_schedule', ...where, message: `Measure "${m.title}" has no start and end` });
      } else if (m.start.slice(0, 10) < window.windowStart || m.end.slice(0, 10) > window.windowEnd || m.start > m.end) {
        gaps.push({
          code: 'measure_outside_window',
          ...where,
          message: `Measure "${m.title}" runs ${m.start.slice(0, 10)} to ${m.end.slice(0, 10)}, outside the implementation window ${window.windowStart} to ${window.windowEnd}`,
        });
      }
    }
  }
  return gaps;
}
