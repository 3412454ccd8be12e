/**
 * The process writes an intervention's summary as an English sentence into the workflow's
 * state (`applyIntervention` in packages/workflows/src/process-state.ts). Changing that text
 * would change what running workflows and their committed histories carry, so the console
 * reads the known sentence shapes instead and says them in the user's language. A summary
 * of an unknown shape is shown as it is.
 */
export interface SummaryMessage {
  key: string;
  args: Record<string, string | number>;
}

const SHAPES: Array<{ pattern: RegExp; key: string; args: (m: RegExpExecArray) => SummaryMessage['args'] }> = [
  // An extension that still lies in the past says since when the quarter stays overdue.
  {
    pattern: /^all (\d+) remaining deadlines moved by (P\S+); still overdue since (\d{4}-\d{2}-\d{2})$/,
    key: 'shifted_all_still_overdue',
    args: (m) => ({ smart_count: Number(m[1]), by: m[2] as string, since: m[3] as string }),
  },
  { pattern: /^"(.+)" due (\d{4}-\d{2}-\d{2}); still overdue since (\d{4}-\d{2}-\d{2})$/, key: 'due_still_overdue', args: (m) => ({ name: m[1] as string, date: m[2] as string, since: m[3] as string }) },
  { pattern: /^all (\d+) remaining deadlines moved by (P\S+)$/, key: 'shifted_all', args: (m) => ({ smart_count: Number(m[1]), by: m[2] as string }) },
  { pattern: /^"(.+)" reassigned to (.+)$/, key: 'reassigned_step', args: (m) => ({ name: m[1] as string, to: m[2] as string }) },
  { pattern: /^quarter reassigned to (.+)$/, key: 'reassigned_quarter', args: (m) => ({ to: m[1] as string }) },
  { pattern: /^"(.+)" due (\d{4}-\d{2}-\d{2})$/, key: 'due', args: (m) => ({ name: m[1] as string, date: m[2] as string }) },
  { pattern: /^"(.+)" waived$/, key: 'waived', args: (m) => ({ name: m[1] as string }) },
  { pattern: /^"(.+)" reopened$/, key: 'reopened', args: (m) => ({ name: m[1] as string }) },
  { pattern: /^reminder for "(.+)" sent$/, key: 'reminded', args: (m) => ({ name: m[1] as string }) },
  { pattern: /^paused$/, key: 'paused', args: () => ({}) },
  { pattern: /^resumed; deadlines moved by (\d+) days$/, key: 'resumed', args: (m) => ({ smart_count: Number(m[1]) }) },
  { pattern: /^withdrawn$/, key: 'withdrawn', args: () => ({}) },
];

/** The message key under `process.summary.*` and its arguments; null for a summary of unknown shape. */
export function summaryMessage(summary: string): SummaryMessage | null {
  for (const shape of SHAPES) {
    const m = shape.pattern.exec(summary);
    if (m) return { key: `process.summary.${shape.key}`, args: shape.args(m) };
  }
  return null;
}
