import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the actors context (raised by the actors service: quarters, organisations, people, programmes, participation, kick-off, saved views, notifications). */
export const actorsProblems = {} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the actors context writes by hand (beyond the validation constraints of ./common). */
export const actorsFieldProblems = {} as const satisfies Record<string, FieldProblemDefinition>;
