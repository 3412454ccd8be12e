import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the analysis context (raised by the analysis service: catalogues, analyses, indicators, ratings). */
export const analysisProblems = {} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the analysis context writes by hand (beyond the validation constraints of ./common). */
export const analysisFieldProblems = {} as const satisfies Record<string, FieldProblemDefinition>;
