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

/**
 * The gaps of a refused submission (409 `errors.gaps`); empty for any other failure. As a
 * problem's field problems (`gaps.0.code`, `gaps.0.goalId`...) they arrive as the field tree
 * `{ 0: { code, goalId } }`, which is read back into the list.
 */
export function gapsOf(err: unknown): ConceptGap[] {
  const gaps = (err as ApiFailure)?.body?.errors?.gaps;
  if (Array.isArray(gaps)) return gaps as ConceptGap[];
  if (!gaps || typeof gaps !== 'object') return [];
  const entries = Object.entries(gaps as Record<string, unknown>).filter(([index, gap]) => /^\d+$/.test(index) && gap && typeof gap === 'object');
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, gap]) => gap as ConceptGap);
}
