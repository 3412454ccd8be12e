/**
 * The criteria a refused submission of the analysis names as not rated: the field problems
 * (`ratings.<criterionId>`, code `criterion.not_rated`) the data provider keeps beside the
 * field tree (see providers/problems); empty for any other failure.
 */
export function unratedOf(err: unknown): string[] {
  const problems = (err as { body?: { problems?: unknown } | null } | null)?.body?.problems;
  if (!Array.isArray(problems)) return [];
  return problems
    .filter((p): p is { code: string; params: { criterionId: string } } => p?.code === 'criterion.not_rated' && typeof p?.params?.criterionId === 'string')
    .map((p) => p.params.criterionId);
}
