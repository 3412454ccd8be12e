import type { BatchItemResult, InterventionSummaryCode, Locale, ProblemParams } from '@genq/contracts';
import { problemText } from '../providers/problems';

/**
 * What the process says about an intervention, in the console's words: a summary from its
 * code (messages under `process.summary.*`, see ./summaryMessages.ts), a batch item's refusal
 * from its problem code (@genq/contracts). Only records from before codes fall back to the
 * English the process wrote beside them.
 */

/** What an intervention did as the process says it: a code with parameters, and the English sentence. */
export interface SaidSummary {
  summary?: string | null;
  summaryCode?: InterventionSummaryCode | null;
  summaryParams?: ProblemParams | null;
}

/** The message key under `process.summary.*` and its arguments (the count of a plural as polyglot's `smart_count`). */
export function summaryMessage(said: SaidSummary): { key: string; args: Record<string, string | number> } | null {
  if (!said.summaryCode) return null;
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.summaryParams ?? {})) {
    if (value !== null && value !== undefined) args[name] = typeof value === 'number' ? value : String(value);
  }
  if (typeof args.count === 'number') args.smart_count = args.count;
  if (typeof args.days === 'number') args.smart_count = args.days;
  return { key: `process.summary.${said.summaryCode}`, args };
}

/** Why a quarter of a batch was refused or failed, from its problem code; the English reason of results from before codes. */
export const batchReasonOf = (r: Pick<BatchItemResult, 'reason' | 'reasonCode' | 'reasonParams'>, locale: Locale): string =>
  (r.reasonCode ? problemText({ code: r.reasonCode, ...(r.reasonParams ? { params: r.reasonParams } : {}) }, locale) : undefined) ?? r.reason ?? '';
