import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the access context (raised by the gateway: sign-in, tokens, roles and scope). */
export const accessProblems = {} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the access context writes by hand (beyond the validation constraints of ./common). */
export const accessFieldProblems = {} as const satisfies Record<string, FieldProblemDefinition>;
