/**
 * A deadline key of the process in words: a development step by its name, an annual report,
 * the Bilanzierung and a measure's milestone by what they are (the keys are the workflow's:
 * `report_<cycle>_<year>`, `reaudit_<cycle>`, `milestone_<measure>_<n>`). A key of a step the
 * calendar added keeps its name from the API, else the key itself.
 */
export function deadlineLabel(key: string | null | undefined, translate: (key: string, options?: Record<string, unknown>) => string): string {
  if (!key) return '';
  const report = /^report_(\d+)_(\d+)$/.exec(key);
  if (report) return translate('app.deadline.report', { cycle: report[1], year: report[2] });
  const reaudit = /^reaudit_(\d+)$/.exec(key);
  if (reaudit) return translate('app.deadline.reaudit', { cycle: reaudit[1] });
  const milestone = /^milestone_.+_(\d+)$/.exec(key);
  if (milestone) return translate('app.deadline.milestone', { n: milestone[1] });
  return translate(`process.step.${key}`, { _: key });
}
