/**
 * @packageDocumentation
 * The Temporal definitions of the process: queries, updates and search attributes. A separate
 * entry point (`@genq/contracts/temporal`), so the main entry stays free of Temporal and the
 * console can import its values in the browser.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BatchProgress, BatchResultsRange, EventOutcome, Intervention, InterventionResult, ProcessEventEnvelope, ProcessState } from './process';

/**
 * The values the workflows need from the contracts, from here and not from the main entry:
 * the worker's sandbox evaluates every module a workflow imports once per workflow it holds
 * (each cached workflow gets its own module instances), and the main entry brings every
 * message catalogue along (docs/benchmarks.md, worker memory).
 */
export { DEFAULT_BATCH_PARALLELISM, PROCESS_REFUSAL_TYPE } from './process';

export const processStateQuery = defineQuery<ProcessState>('processState');
export const reportEventUpdate = defineUpdate<EventOutcome, [ProcessEventEnvelope]>('reportEvent');
export const interveneUpdate = defineUpdate<InterventionResult, [Intervention]>('intervene');

/** A batch's progress; with a range, only those results (older batches ignore it and return all). */
export const batchProgressQuery = defineQuery<BatchProgress, [BatchResultsRange?]>('batchProgress');

/**
 * Custom search attributes the lifecycle workflow keeps current, so operators find quarters
 * with Temporal's own tools: `temporal workflow list --query "GenqStalled = true"`.
 * The worker registers them at start.
 */
export const SEARCH_ATTRIBUTES = {
  phase: defineSearchAttributeKey('GenqPhase', SearchAttributeType.KEYWORD),
  step: defineSearchAttributeKey('GenqStep', SearchAttributeType.KEYWORD),
  stalled: defineSearchAttributeKey('GenqStalled', SearchAttributeType.BOOL),
  nextDue: defineSearchAttributeKey('GenqNextDue', SearchAttributeType.DATETIME),
  programme: defineSearchAttributeKey('GenqProgramme', SearchAttributeType.KEYWORD),
  land: defineSearchAttributeKey('GenqLand', SearchAttributeType.KEYWORD),
  municipality: defineSearchAttributeKey('GenqMunicipality', SearchAttributeType.KEYWORD),
} as const;

// Values of temporal.api.enums.v1.IndexedValueType, which the operator API takes.
const INDEXED_VALUE_TYPE: Record<string, number> = {
  [SearchAttributeType.TEXT]: 1,
  [SearchAttributeType.KEYWORD]: 2,
  [SearchAttributeType.INT]: 3,
  [SearchAttributeType.DOUBLE]: 4,
  [SearchAttributeType.BOOL]: 5,
  [SearchAttributeType.DATETIME]: 6,
  [SearchAttributeType.KEYWORD_LIST]: 7,
};

/** The search attributes a namespace still lacks, shaped for `operatorService.addSearchAttributes`. */
export function missingSearchAttributes(registered: Iterable<string>): Record<string, number> {
  const known = new Set(registered);
  return Object.fromEntries(
    Object.values(SEARCH_ATTRIBUTES)
      .filter((k) => !known.has(k.name))
      .map((k) => [k.name, INDEXED_VALUE_TYPE[k.type] as number]),
  );
}
