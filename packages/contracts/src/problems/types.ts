/**
 * Problems: every error the API answers is `application/problem+json` (RFC 9457) with a
 * stable `code`. A code's texts live in the catalogue of the bounded context that raises it
 * (./actors.ts, ./agreements.ts, ...), in German and English, with `{name}` placeholders
 * for its parameters. Services raise codes with parameters; the gateway renders the message
 * in the language the request asks for; the console renders the same code from the same
 * catalogue. No client ever parses a sentence.
 */

export type Locale = 'de' | 'en';
export const DEFAULT_LOCALE: Locale = 'de';

export type ProblemParamValue = string | number | boolean | null;
export type ProblemParams = Record<string, ProblemParamValue>;

/** A problem of a whole request: its HTTP status and its texts. */
export interface ProblemDefinition {
  status: number;
  de: string;
  en: string;
}

/** A problem of one field of a request (inside a 400's `errors`): its texts only. */
export interface FieldProblemDefinition {
  de: string;
  en: string;
}

/** One field's problem as a service raises it: the gateway adds the message. */
export interface FieldProblemInput {
  /** The field's path in the body or query, dotted: `boundary.coordinates.0`, `proposals.2.text`. */
  field: string;
  code: string;
  params?: ProblemParams;
}

/** One field's problem as the API answers it. */
export interface FieldProblem extends FieldProblemInput {
  message: string;
}

/** The body of every error response (RFC 9457 with the members GenQ adds). */
export interface ProblemDetails {
  /** A URI naming the problem type: the code under https://genq.de/problems/. */
  type: string;
  /** The problem type's short text (the code's message without parameters' detail is not kept apart: equals `detail` for most codes). */
  title: string;
  status: number;
  /** Stable, machine-readable: clients decide on this, never on the text. */
  code: string;
  /** The message in the request's language. */
  detail: string;
  params?: ProblemParams;
  /** Every field problem of the request at once (validation). */
  errors?: FieldProblem[];
  /** The gateway's request id, for support and the logs. */
  requestId?: string;
  instance?: string;
}

export const PROBLEM_TYPE_BASE = 'https://genq.de/problems/';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
