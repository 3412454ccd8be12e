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

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid catalogue: ${problems.join('; ')}`);
    this.name = 'CatalogueError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Checks a programme calendar; returns the problems found, path-prefixed. */
export function calendarProblems(calendar: unknown, path = 'defaultCalendar'): string[] {
  const problems: string[] = [];
  if (!isObject(calendar)) return [`${path} must be an object`];
  const dev = calendar.developmentPhase;
  const steps = isObject(dev) ? dev.steps : undefined;
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push(`${path}.developmentPhase.steps must be a non-empty list`);
  } else {
    const keys = new Set<string>();
    steps.forEach((s, i) => {
      const p = `${path}.developmentPhase.steps[${i}]`;
      if (!isObject(s)) return problems.push(`${p} must be an object`);
      if (!isString(s.key)) problems.push(`${p}.key is required`);
      else if (keys.has(s.key)) problems.push(`${p}.key "${s.key}" appears twice`);
      else keys.add(s.key);
      if (!isString(s.name)) problems.push(`${p}.name is required`);
      if (!isDuration(s.dueAfter)) problems.push(`${p}.dueAfter must be an ISO-8601 duration`);
      return undefined;
    });
  }
  const impl = calendar.implementationPhase;
  for (const f of ['duration', 'annualReportEvery', 'reportDueWithin']) {
    if (!isObject(impl) || !isDuration(impl[f])) problems.push(`${path}.implementationPhase.${f} must be an ISO-8601 duration`);
  }
  const rem = calendar.reminders;
  for (const f of ['before', 'overdueEvery', 'escalateAfterOverdue', 'stalledAfterInactivity']) {
    if (!isObject(rem) || !isDuration(rem[f])) problems.push(`${path}.reminders.${f} must be an ISO-8601 duration`);
  }
  if (!isDuration(calendar.certificateValidity)) problems.push(`${path}.certificateValidity must be an ISO-8601 duration`);
  return problems;
}

/**
 * Parses and checks a catalogue document. Every problem is reported at once, so a
 * programme office editing a catalogue sees all mistakes in one go.
 */
export function parseCatalogue(input: unknown): Catalogue {
  const problems: string[] = [];
  if (!isObject(input)) throw new CatalogueError(['catalogue must be a JSON object']);
  for (const f of ['id', 'version', 'title']) if (!isString(input[f])) problems.push(`${f} is required`);

  const scale = input.ratingScale;
  if (!Array.isArray(scale) || scale.length < 2) problems.push('ratingScale needs at least two levels');
  else
    scale.forEach((l, i) => {
      if (!isObject(l) || typeof l.value !== 'number' || !isString(l.label)) {
        problems.push(`ratingScale[${i}] needs a numeric value and a label`);
      }
    });

  for (const f of ['strengthThreshold', 'weaknessThreshold']) {
    if (typeof input[f] !== 'number') problems.push(`${f} must be a number`);
  }
  if (
    typeof input.strengthThreshold === 'number' &&
    typeof input.weaknessThreshold === 'number' &&
    input.weaknessThreshold >= input.strengthThreshold
  ) {
    problems.push('weaknessThreshold must be below strengthThreshold');
  }

  const indicatorIds = new Set<string>();
  if (!Array.isArray(input.indicators)) problems.push('indicators must be a list');
  else
    input.indicators.forEach((ind, i) => {
      const p = `indicators[${i}]`;
      if (!isObject(ind)) return problems.push(`${p} must be an object`);
      if (!isString(ind.id)) problems.push(`${p}.id is required`);
      else if (indicatorIds.has(ind.id)) problems.push(`${p}.id "${ind.id}" appears twice`);
      else indicatorIds.add(ind.id);
      for (const f of ['group', 'name', 'unit']) if (!isString(ind[f])) problems.push(`${p}.${f} is required`);
      if (!INDICATOR_KINDS.includes(ind.kind as IndicatorKind)) problems.push(`${p}.kind must be input, output or context`);
      return undefined;
    });

  const criterionIds = new Set<string>();
  if (!Array.isArray(input.actionFields) || input.actionFields.length === 0) problems.push('actionFields must be a non-empty list');
  else
    input.actionFields.forEach((af, i) => {
      const p = `actionFields[${i}]`;
      if (!isObject(af)) return problems.push(`${p} must be an object`);
      if (!isString(af.id)) problems.push(`${p}.id is required`);
      if (!isString(af.name)) problems.push(`${p}.name is required`);
      if (!Array.isArray(af.criteria)) return problems.push(`${p}.criteria must be a list`);
      af.criteria.forEach((c, j) => {
        const cp = `${p}.criteria[${j}]`;
        if (!isObject(c) || !isString(c.id) || !isString(c.name)) return problems.push(`${cp} needs an id and a name`);
        if (criterionIds.has(c.id)) problems.push(`${cp}.id "${c.id}" appears twice`);
        criterionIds.add(c.id);
        const refs = Array.isArray(c.indicators) ? c.indicators : [];
        for (const ref of refs) {
          if (!indicatorIds.has(String(ref))) problems.push(`${cp} refers to unknown indicator "${String(ref)}"`);
        }
        return undefined;
      });
      return undefined;
    });

  for (const f of ['targetGroups', 'measureStatuses']) {
    const v = input[f];
    if (!Array.isArray(v) || v.length === 0 || !v.every(isString)) problems.push(`${f} must be a non-empty list of names`);
  }
  problems.push(...calendarProblems(input.defaultCalendar));

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
