import { allCriteria, INDICATOR_KINDS, type Catalogue, type Indicator, type IndicatorKind } from '@genq/domain';
import type { FieldProblemInput, IndicatorValueInput, ProblemParams, RatingInput } from '@genq/contracts';

/** The field problems of one input record, fields relative to the record (`value`, `unit`). */
export type FieldMessages = FieldProblemInput[];

/** Adds a problem to a record's list; one per field, the first found wins. */
function put(errors: FieldMessages, field: string, code: string, params?: ProblemParams): void {
  if (errors.some((e) => e.field === field)) return;
  errors.push({ field, code, ...(params ? { params } : {}) });
}

/** The record's problems with their fields under `prefix` (`values.3`, `rows.12`). */
export function under(prefix: string, errors: FieldMessages): FieldProblemInput[] {
  return errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` }));
}

const COUNT_UNITS = new Set(['Personen', 'Haushalte', 'Wohnungen', 'Umzüge', 'Anzahl', 'Sitzungen', 'Organisationen', 'Veranstaltungen']);
const NON_NEGATIVE_UNITS = new Set(['m', 'EUR/m²']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a value in a unit may be. Catalogues may add units; an unknown unit only needs a
 * finite number, so a new catalogue version never breaks the import.
 */
export function unitProblem(unit: string, value: number): { code: string; params?: ProblemParams } | undefined {
  if (!Number.isFinite(value)) return { code: 'validation.isNumber' };
  if (unit === '%') return value < 0 || value > 100 ? { code: 'indicator_value.percent_range' } : undefined;
  if (COUNT_UNITS.has(unit)) return Number.isInteger(value) && value >= 0 ? undefined : { code: 'indicator_value.whole_number', params: { unit } };
  if (NON_NEGATIVE_UNITS.has(unit)) return value >= 0 ? undefined : { code: 'indicator_value.negative', params: { unit } };
  return undefined;
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface CheckedIndicatorValue {
  indicator: Indicator;
  referenceDate: string;
  value: number;
  source: string | null;
}

/** Checks one indicator value against the catalogue: id, date, number, unit and kind. */
export function checkIndicatorValue(
  raw: unknown,
  indicators: ReadonlyMap<string, Indicator>,
): { ok: CheckedIndicatorValue } | { errors: FieldMessages } {
  const errors: FieldMessages = [];
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof IndicatorValueInput, unknown>>;
  const indicator = typeof r.indicatorId === 'string' ? indicators.get(r.indicatorId) : undefined;
  if (typeof r.indicatorId !== 'string' || r.indicatorId === '') put(errors, 'indicatorId', 'validation.required');
  else if (!indicator) put(errors, 'indicatorId', 'indicator.unknown', { indicatorId: r.indicatorId });
  if (r.referenceDate === undefined || r.referenceDate === null || r.referenceDate === '') put(errors, 'referenceDate', 'validation.required');
  else if (!isIsoDate(r.referenceDate)) put(errors, 'referenceDate', 'validation.isDateString');
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) put(errors, 'value', r.value === undefined || r.value === null ? 'validation.required' : 'validation.isNumber');
  if (r.source !== undefined && r.source !== null) {
    if (typeof r.source !== 'string') put(errors, 'source', 'validation.isString');
    else if (r.source.length > 300) put(errors, 'source', 'validation.maxLength', { max: 300 });
  }
  if (r.kind !== undefined && r.kind !== null && r.kind !== '') {
    if (!INDICATOR_KINDS.includes(r.kind as IndicatorKind)) put(errors, 'kind', 'validation.isIn', { values: INDICATOR_KINDS.join(', ') });
    else if (indicator && r.kind !== indicator.kind) put(errors, 'kind', 'indicator.kind_mismatch', { indicatorId: indicator.id, kind: indicator.kind, given: String(r.kind) });
  }
  if (r.unit !== undefined && r.unit !== null && r.unit !== '' && indicator && r.unit !== indicator.unit) {
    put(errors, 'unit', 'indicator.unit_mismatch', { indicatorId: indicator.id, unit: indicator.unit, given: String(r.unit) });
  }
  if (indicator && typeof r.value === 'number') {
    const p = unitProblem(indicator.unit, r.value);
    if (p) put(errors, 'value', p.code, p.params);
  }
  if (errors.length > 0 || !indicator) return { errors };
  const source = typeof r.source === 'string' && r.source.trim() !== '' ? r.source.trim() : null;
  return { ok: { indicator, referenceDate: r.referenceDate as string, value: r.value as number, source } };
}

export interface CheckedRating {
  criterionId: string;
  actionFieldId: string;
  rating: number;
  evidence: string | null;
  targetGroups: string[];
}

/** Checks one self-assessment against the catalogue: criterion id, a value of the scale, known target groups. */
export function checkRating(raw: unknown, catalogue: Catalogue): { ok: CheckedRating } | { errors: FieldMessages } {
  const errors: FieldMessages = [];
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof RatingInput, unknown>>;
  const criterion = allCriteria(catalogue).find((c) => c.id === r.criterionId);
  if (typeof r.criterionId !== 'string' || r.criterionId === '') put(errors, 'criterionId', 'validation.required');
  else if (!criterion) put(errors, 'criterionId', 'criterion.unknown', { criterionId: r.criterionId });
  const scale = catalogue.ratingScale.map((l) => l.value);
  if (r.rating === undefined || r.rating === null) put(errors, 'rating', 'validation.required');
  else if (typeof r.rating !== 'number' || !scale.includes(r.rating)) {
    put(errors, 'rating', 'rating.off_scale', { scale: catalogue.ratingScale.map((l) => `${l.value} (${l.label})`).join(', ') });
  }
  if (r.evidence !== undefined && r.evidence !== null) {
    if (typeof r.evidence !== 'string') put(errors, 'evidence', 'validation.isString');
    else if (r.evidence.length > 10_000) put(errors, 'evidence', 'validation.maxLength', { max: 10_000 });
  }
  const groups = r.targetGroups ?? [];
  if (!Array.isArray(groups)) put(errors, 'targetGroups', 'validation.isArray');
  else if (!groups.every((g) => typeof g === 'string')) put(errors, `targetGroups.${groups.findIndex((g) => typeof g !== 'string')}`, 'validation.isString');
  else {
    const unknown = groups.filter((g) => !catalogue.targetGroups.includes(g));
    if (unknown.length > 0) put(errors, 'targetGroups', 'target_group.unknown', { groups: unknown.join(', ') });
  }
  if (errors.length > 0 || !criterion) return { errors };
  const evidence = typeof r.evidence === 'string' && r.evidence.trim() !== '' ? r.evidence.trim() : null;
  return {
    ok: {
      criterionId: criterion.id,
      actionFieldId: criterion.actionFieldId,
      rating: r.rating as number,
      evidence,
      targetGroups: [...new Set(groups as string[])].sort((a, b) => catalogue.targetGroups.indexOf(a) - catalogue.targetGroups.indexOf(b)),
    },
  };
}
