import { isDuration } from './duration';

/**
 * The programme's criteria and indicator catalogue with its calendar. It is data with
 * versions (a programme office edits it), so it is parsed and checked here, never hard-coded.
 */
export type IndicatorKind = 'input' | 'output' | 'context';
export const INDICATOR_KINDS: readonly IndicatorKind[] = ['input', 'output', 'context'];

export interface RatingLevel {
  value: number;
  label: string;
  meaning?: string;
}

export interface Criterion {
  id: string;
  name: string;
  description?: string;
  indicators: string[];
}

export interface ActionField {
  id: string;
  name: string;
  criteria: Criterion[];
}

export interface Indicator {
  id: string;
  group: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
}

export interface CalendarStep {
  key: string;
  name: string;
  /** ISO-8601 duration from the start of the development phase. */
  dueAfter: string;
}

export interface ReminderPolicy {
  before: string;
  overdueEvery: string;
  escalateAfterOverdue: string;
  stalledAfterInactivity: string;
}

export interface ProgrammeCalendar {
  developmentPhase: { steps: CalendarStep[] };
  implementationPhase: { duration: string; annualReportEvery: string; reportDueWithin: string };
  reminders: ReminderPolicy;
  certificateValidity: string;
}

export interface Catalogue {
  id: string;
  version: string;
  title: string;
  note?: string;
  ratingScale: RatingLevel[];
  strengthThreshold: number;
  weaknessThreshold: number;
  actionFields: ActionField[];
  indicators: Indicator[];
  targetGroups: string[];
  measureStatuses: string[];
  defaultCalendar: ProgrammeCalendar;
}

/**
 * One problem of a catalogue document: the field's dotted path (`indicators.0.kind`), a
 * problem code of the API's catalogue (`validation.*`, `catalogue.*`, `calendar.*` in
 * @genq/contracts problems) with its parameters, and an English text for logs.
 */
export interface CatalogueProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export class CatalogueError extends Error {
  constructor(readonly problems: CatalogueProblem[]) {
    super(`Invalid catalogue: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'CatalogueError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Collects problems: `add(field, code, english, params)`. */
function collector() {
  const problems: CatalogueProblem[] = [];
  const add = (field: string, code: string, english: string, params?: Record<string, string | number>): void => {
    problems.push({ field, code, ...(params ? { params } : {}), message: `${field ? `${field} ` : ''}${english}` });
  };
  return { problems, add };
}

/** Checks a programme calendar; returns the problems found, the fields prefixed by `path`. */
export function calendarFieldProblems(calendar: unknown, path = 'defaultCalendar'): CatalogueProblem[] {
  const { problems, add } = collector();
  if (!isObject(calendar)) {
    add(path, 'validation.isObject', 'must be an object');
    return problems;
  }
  const dev = calendar.developmentPhase;
  const steps = isObject(dev) ? dev.steps : undefined;
  if (!Array.isArray(steps) || steps.length === 0) {
    add(`${path}.developmentPhase.steps`, 'validation.arrayNotEmpty', 'must be a non-empty list');
  } else {
    const keys = new Set<string>();
    steps.forEach((s, i) => {
      const p = `${path}.developmentPhase.steps.${i}`;
      if (!isObject(s)) return add(p, 'validation.isObject', 'must be an object');
      if (!isString(s.key)) add(`${p}.key`, 'validation.required', 'is required');
      else if (keys.has(s.key)) add(`${p}.key`, 'catalogue.duplicate_id', `"${s.key}" appears twice`, { id: s.key });
      else keys.add(s.key);
      if (!isString(s.name)) add(`${p}.name`, 'validation.required', 'is required');
      if (!isDuration(s.dueAfter)) add(`${p}.dueAfter`, 'calendar.duration_invalid', 'must be an ISO-8601 duration');
      return undefined;
    });
  }
  const impl = calendar.implementationPhase;
  for (const f of ['duration', 'annualReportEvery', 'reportDueWithin']) {
    if (!isObject(impl) || !isDuration(impl[f])) add(`${path}.implementationPhase.${f}`, 'calendar.duration_invalid', 'must be an ISO-8601 duration');
  }
  const rem = calendar.reminders;
  for (const f of ['before', 'overdueEvery', 'escalateAfterOverdue', 'stalledAfterInactivity']) {
    if (!isObject(rem) || !isDuration(rem[f])) add(`${path}.reminders.${f}`, 'calendar.duration_invalid', 'must be an ISO-8601 duration');
  }
  if (!isDuration(calendar.certificateValidity)) add(`${path}.certificateValidity`, 'calendar.duration_invalid', 'must be an ISO-8601 duration');
  return problems;
}

/**
 * Parses and checks a catalogue document. Every problem is reported at once, so a
 * programme office editing a catalogue sees all mistakes in one go.
 */
export function parseCatalogue(input: unknown): Catalogue {
  const { problems, add } = collector();
  if (!isObject(input)) {
    add('', 'validation.isObject', 'catalogue must be a JSON object');
    throw new CatalogueError(problems);
  }
  for (const f of ['id', 'version', 'title']) if (!isString(input[f])) add(f, 'validation.required', 'is required');

  const scale = input.ratingScale;
  if (!Array.isArray(scale) || scale.length < 2) add('ratingScale', 'validation.arrayMinSize', 'needs at least two levels', { min: 2 });
  else
    scale.forEach((l, i) => {
      if (!isObject(l) || typeof l.value !== 'number' || !isString(l.label)) {
        add(`ratingScale.${i}`, 'catalogue.rating_level_invalid', 'needs a numeric value and a label');
      }
    });

  for (const f of ['strengthThreshold', 'weaknessThreshold']) {
    if (typeof input[f] !== 'number') add(f, 'validation.isNumber', 'must be a number');
  }
  if (
    typeof input.strengthThreshold === 'number' &&
    typeof input.weaknessThreshold === 'number' &&
    input.weaknessThreshold >= input.strengthThreshold
  ) {
    add('weaknessThreshold', 'catalogue.thresholds_order', 'must be below strengthThreshold');
  }

  const indicatorIds = new Set<string>();
  if (!Array.isArray(input.indicators)) add('indicators', 'validation.isArray', 'must be a list');
  else
    input.indicators.forEach((ind, i) => {
      const p = `indicators.${i}`;
      if (!isObject(ind)) return add(p, 'validation.isObject', 'must be an object');
      if (!isString(ind.id)) add(`${p}.id`, 'validation.required', 'is required');
      else if (indicatorIds.has(ind.id)) add(`${p}.id`, 'catalogue.duplicate_id', `"${ind.id}" appears twice`, { id: ind.id });
      else indicatorIds.add(ind.id);
      for (const f of ['group', 'name', 'unit']) if (!isString(ind[f])) add(`${p}.${f}`, 'validation.required', 'is required');
      if (!INDICATOR_KINDS.includes(ind.kind as IndicatorKind)) {
        add(`${p}.kind`, 'validation.isIn', 'must be input, output or context', { values: INDICATOR_KINDS.join(', ') });
      }
      return undefined;
    });

  const criterionIds = new Set<string>();
  if (!Array.isArray(input.actionFields) || input.actionFields.length === 0) add('actionFields', 'validation.arrayNotEmpty', 'must be a non-empty list');
  else
    input.actionFields.forEach((af, i) => {
      const p = `actionFields.${i}`;
      if (!isObject(af)) return add(p, 'validation.isObject', 'must be an object');
      if (!isString(af.id)) add(`${p}.id`, 'validation.required', 'is required');
      if (!isString(af.name)) add(`${p}.name`, 'validation.required', 'is required');
      if (!Array.isArray(af.criteria)) return add(`${p}.criteria`, 'validation.isArray', 'must be a list');
      af.criteria.forEach((c, j) => {
        const cp = `${p}.criteria.${j}`;
        if (!isObject(c) || !isString(c.id) || !isString(c.name)) return add(cp, 'catalogue.criterion_invalid', 'needs an id and a name');
        if (criterionIds.has(c.id)) add(`${cp}.id`, 'catalogue.duplicate_id', `"${c.id}" appears twice`, { id: c.id });
        criterionIds.add(c.id);
        const refs = Array.isArray(c.indicators) ? c.indicators : [];
        for (const ref of refs) {
          if (!indicatorIds.has(String(ref))) {
            add(`${cp}.indicators`, 'catalogue.unknown_indicator', `refers to unknown indicator "${String(ref)}"`, { indicatorId: String(ref) });
          }
        }
        return undefined;
      });
      return undefined;
    });

  for (const f of ['targetGroups', 'measureStatuses']) {
    const v = input[f];
    if (!Array.isArray(v) || v.length === 0 || !v.every(isString)) add(f, 'catalogue.names_list', 'must be a non-empty list of names');
  }
  problems.push(...calendarFieldProblems(input.defaultCalendar));

  if (problems.length > 0) throw new CatalogueError(problems);
  const cat = input as unknown as Catalogue;
  return {
    ...cat,
    actionFields: cat.actionFields.map((af) => ({
      ...af,
      criteria: af.criteria.map((c) => ({ ...c, indicators: Array.isArray(c.indicators) ? c.indicators : [] })),
    })),
  };
}

/** All criteria of a catalogue with the action field they belong to. */
export function allCriteria(catalogue: Catalogue): Array<Criterion & { actionFieldId: string }> {
  return catalogue.actionFields.flatMap((af) => af.criteria.map((c) => ({ ...c, actionFieldId: af.id })));
}
