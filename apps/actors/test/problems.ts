import type { RpcErrorPayload } from '@genq/contracts';

/** A refusal's field problems as `{ field: code }`, for asserting what a 400 lists. */
export function fieldCodes(e: RpcErrorPayload): Record<string, string> {
  if (!Array.isArray(e.errors)) throw new Error(`expected field problems, got ${JSON.stringify(e)}`);
  return Object.fromEntries(e.errors.map((p) => [p.field, p.code]));
}

/** One field's problem (code and parameters), or undefined. */
export function fieldProblem(e: RpcErrorPayload, field: string) {
  return Array.isArray(e.errors) ? e.errors.find((p) => p.field === field) : undefined;
}
