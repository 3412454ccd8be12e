import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the process context (raised by the lifecycle workflow: interventions and events it refuses, and its intervention summaries). */
export const processProblems = {} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the process context writes by hand (beyond the validation constraints of ./common). */
export const processFieldProblems = {} as const satisfies Record<string, FieldProblemDefinition>;
