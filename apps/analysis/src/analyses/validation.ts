import { allCriteria, INDICATOR_KINDS, type Catalogue, type Indicator, type IndicatorKind } from '@genq/domain';
import type { IndicatorValueInput, RatingInput } from '@genq/contracts';

/** Field-keyed messages of one input record, the shape react-admin shows next to the inputs. */
export type FieldMessages = Record<string, string>;

const COUNT_UNITS = new Set(['Personen', 'Haushalte', 'Wohnungen', 'Umzüge', 'Anzahl', 'Sitzungen', 'Organisationen', 'Veranstaltungen']);
const NON_NEGATIVE_UNITS = new Set(['m', 'EUR/m²']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a value in a unit may be. Catalogues may add units; an unknown unit only needs a
 * finite number, so a new catalogue version never breaks the import.
 */
export function unitProblem(unit: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'value must be a number';
  if (unit === '%') return value < 0 || value > 100 ? 'value in % must be between 0 and 100' : undefined;
  if (COUNT_UNITS.has(unit)) return Number.isInteger(value) && value >= 0 ? undefined : `value in ${unit} must be a whole number, 0 or more`;
  if (NON_NEGATIVE_UNITS.has(unit)) return value >= 0 ? undefined : `value in ${unit} must be 0 or more`;
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
  const errors: FieldMessages = {};
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof IndicatorValueInput, unknown>>;
  const indicator = typeof r.indicatorId === 'string' ? indicators.get(r.indicatorId) : undefined;
  if (typeof r.indicatorId !== 'string' || r.indicatorId === '') errors.indicatorId = 'indicatorId is required';
  else if (!indicator) errors.indicatorId = `unknown indicator "${r.indicatorId}" in this catalogue version`;
  if (!isIsoDate(r.referenceDate)) errors.referenceDate = 'referenceDate must be a date YYYY-MM-DD';
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) errors.value = 'value must be a number';
  if (r.source !== undefined && r.source !== null && (typeof r.source !== 'string' || r.source.length > 300)) {
    errors.source = 'source must be text of at most 300 characters';
  }
  if (r.kind !== undefined && r.kind !== null && r.kind !== '') {
    if (!INDICATOR_KINDS.includes(r.kind as IndicatorKind)) errors.kind = 'kind must be input, output or context';
    else if (indicator && r.kind !== indicator.kind) errors.kind = `${indicator.id} is a ${indicator.kind} indicator, not ${String(r.kind)}`;
  }
  if (r.unit !== undefined && r.unit !== null && r.unit !== '' && indicator && r.unit !== indicator.unit) {
    errors.unit = `${indicator.id} is measured in ${indicator.unit}, not ${String(r.unit)}`;
  }
  if (indicator && typeof r.value === 'number' && !errors.value) {
    const p = unitProblem(indicator.unit, r.value);
    if (p) errors.value = p;
  }
  if (Object.keys(errors).length > 0 || !indicator) return { errors };
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
  const errors: FieldMessages = {};
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof RatingInput, unknown>>;
  const criterion = allCriteria(catalogue).find((c) => c.id === r.criterionId);
  if (typeof r.criterionId !== 'string' || r.criterionId === '') errors.criterionId = 'criterionId is required';
  else if (!criterion) errors.criterionId = `unknown criterion "${r.criterionId}" in this catalogue version`;
  const scale = catalogue.ratingScale.map((l) => l.value);
  if (typeof r.rating !== 'number' || !scale.includes(r.rating)) {
    errors.rating = `rating must be one of ${catalogue.ratingScale.map((l) => `${l.value} (${l.label})`).join(', ')}`;
  }
  if (r.evidence !== undefined && r.evidence !== null && (typeof r.evidence !== 'string' || r.evidence.length > 10_000)) {
    errors.evidence = 'evidence must be text of at most 10000 characters';
  }
  const groups = r.targetGroups ?? [];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) errors.targetGroups = 'targetGroups must be a list of names';
  else {
    const unknown = groups.filter((g) => !catalogue.targetGroups.includes(g));
    if (unknown.length > 0) errors.targetGroups = `unknown target group ${unknown.map((g) => `"${g}"`).join(', ')}`;
  }
  if (Object.keys(errors).length > 0 || !criterion) return { errors };
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
