import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the agreements context (raised by the agreements service: Handlungskonzept, Zielvereinbarung, signatures, certificate, reports, amendments). */
export const agreementsProblems = {} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the agreements context writes by hand (beyond the validation constraints of ./common). */
export const agreementsFieldProblems = {} as const satisfies Record<string, FieldProblemDefinition>;
