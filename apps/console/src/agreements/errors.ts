import type { ConceptGap } from './types';

interface ApiFailure {
  status?: number;
  message?: string;
  body?: { message?: string | string[]; errors?: Record<string, unknown> } | null;
}

/**
 * Field messages of a 400 (`errors: { field: message }`), keyed by field. Nested fields keep
 * their path (`funding.0.amount`); a field with several messages shows them joined.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  const errors = (err as ApiFailure)?.body?.errors;
  if ((err as ApiFailure)?.status !== 400 || !errors || typeof errors !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (typeof message === 'string') out[field] = message;
    else if (Array.isArray(message) && message.every((m) => typeof m === 'string')) out[field] = message.join('; ');
    else if (message && typeof message === 'object') {
      for (const [sub, text] of Object.entries(fieldErrors({ status: 400, body: { errors: message as Record<string, unknown> } }))) out[`${field}.${sub}`] = text;
    }
  }
  return out;
}

/** The reason the API gave for a refusal (403, 404, 409, 422), already in the user's language (see `inUserLanguage`). */
export function reasonOf(err: unknown): string {
  const failure = err as ApiFailure;
  const message = failure?.body?.message ?? failure?.message;
  return Array.isArray(message) ? message.join('; ') : (message ?? String(err));
}

/** A field problem as the data provider keeps it beside the field tree (see providers/problems). */
interface SaidProblem {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number | boolean | null>;
}

/**
 * The gaps of a refused submission: the field problems (`concept.<gap>`, with the action field,
 * goal and measure among their parameters) of a 409 `concept.incomplete`, each said in the
 * user's language; empty for any other failure.
 */
export function gapsOf(err: unknown): ConceptGap[] {
  const body = (err as { body?: { code?: string; problems?: SaidProblem[] } | null })?.body;
  if (body?.code !== 'concept.incomplete' || !Array.isArray(body.problems)) return [];
  return body.problems
    .filter((p) => p.code.startsWith('concept.'))
    .map((p) => {
      const text = (name: string) => (typeof p.params?.[name] === 'string' ? (p.params[name] as string) : undefined);
      const actionFieldId = text('actionFieldId') as ConceptGap['actionFieldId'];
      const goalId = text('goalId');
      const measureId = text('measureId');
      return {
        code: p.code.slice('concept.'.length) as ConceptGap['code'],
        ...(actionFieldId ? { actionFieldId } : {}),
        ...(goalId ? { goalId } : {}),
        ...(measureId ? { measureId } : {}),
        message: p.message,
      };
    });
}
