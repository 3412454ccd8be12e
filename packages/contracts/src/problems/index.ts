import { accessFieldProblems, accessProblems } from './access';
import { actorsFieldProblems, actorsProblems } from './actors';
import { agreementsFieldProblems, agreementsProblems } from './agreements';
import { analysisFieldProblems, analysisProblems } from './analysis';
import { commonProblems, listFieldProblems, validationProblems } from './common';
import { processFieldProblems, processProblems } from './process';
import { incidentFieldProblems, incidentProblems } from './incidents';
import { fieldLabel } from './fields';
import { fillTemplate } from './render';
import { PROBLEM_TYPE_BASE, type FieldProblemDefinition, type Locale, type ProblemDefinition, type ProblemParams } from './types';

export * from './types';
export { negotiateLocale, fillTemplate } from './render';
export { ORGANISATION_TYPE_WORDS_DE, PROBLEM_WORDS } from './words';
export { FIELD_LABELS, RECORD_FIELD_LABELS, fieldLabel, recordFieldLabel } from './fields';
export { INTERVENTION_SUMMARY_CODES, type InterventionSummaryCode, type ProcessProblemCode } from './process';

/**
 * Every problem code of the API, by the context that raises it. A new refusal gets its code
 * in its context's catalogue (German and English) and is raised with `problem(code, params)`
 * from @genq/service-kit; nothing else needs to know its text.
 */
export const PROBLEMS = {
  ...commonProblems,
  ...accessProblems,
  ...actorsProblems,
  ...analysisProblems,
  ...agreementsProblems,
  ...processProblems,
  ...incidentProblems,
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Every field problem code (validation). */
export const FIELD_PROBLEMS = {
  ...validationProblems,
  ...listFieldProblems,
  ...accessFieldProblems,
  ...actorsFieldProblems,
  ...analysisFieldProblems,
  ...agreementsFieldProblems,
  ...processFieldProblems,
  ...incidentFieldProblems,
} as const satisfies Record<string, FieldProblemDefinition>;

export type FieldProblemCode = keyof typeof FIELD_PROBLEMS;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROBLEMS, code);
}

export function isFieldProblemCode(code: unknown): code is FieldProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(FIELD_PROBLEMS, code);
}

/** A problem's message in a locale; undefined for a code no catalogue knows. */
export function problemMessage(code: string, params: ProblemParams | undefined, locale: Locale): string | undefined {
  if (!isProblemCode(code)) return undefined;
  return fillTemplate(PROBLEMS[code][locale], params, locale);
}

/** A field problem's message in a locale; undefined for a code no catalogue knows. */
export function fieldProblemMessage(code: string, params: ProblemParams | undefined, locale: Locale): string | undefined {
  if (!isFieldProblemCode(code)) return undefined;
  return fillTemplate(FIELD_PROBLEMS[code][locale], params, locale);
}

/**
 * What to show for a field problem in a locale: its catalogue text, else the message it came
 * with (a code this build does not know), else the text a legacy constraint gave, else its code.
 */
export function sayFieldProblem(problem: { code: string; params?: ProblemParams; message?: string }, locale: Locale): string {
  return fieldProblemMessage(problem.code, problem.params, locale) ?? problem.message ?? String(problem.params?.message ?? problem.code);
}

/**
 * A field problem said away from its form, naming the field by its label (`„Zieldatum“ muss ein
 * Datum … sein.`): for the API's `message` and for lists of problems. A field without a label
 * (a position in a file, a column the table does not know) is said without a subject rather
 * than by its key.
 */
export function sayFieldProblemNamed(problem: { field: string; code: string; params?: ProblemParams; message?: string }, locale: Locale): string {
  const text = sayFieldProblem(problem, locale);
  const label = fieldLabel(problem.field, locale);
  if (label === undefined) return text;
  const named = locale === 'de' ? `„${label}“` : `"${label}"`;
  // A legacy constraint's text names the field by its key (`targetDate must be …`): the label replaces it.
  const key = problem.field.split('.').pop() ?? '';
  if (key !== '' && text.startsWith(`${key} `)) return `${named}${text.slice(key.length)}`;
  // The catalogue's field messages have no subject (`muss …`, `ist …`); one with a subject of its own stays as it is.
  return /^\p{Ll}/u.test(text) ? `${named} ${text}` : text;
}

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}
