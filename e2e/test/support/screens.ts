import type { Page } from 'playwright-core';

/**
 * What the browser specs check on a screen as a person reads it: axe-core's accessibility
 * findings, and the German of its visible text (no raw key, identifier, English sentence of
 * the server, or date not in TT.MM.JJJJ).
 */

const AXE = require.resolve('axe-core/axe.min.js');

/** What axe reports, reduced to what a failure message needs. */
export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core (WCAG 2.1 A/AA rules) run in the page. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

/** Identifiers that must never be shown in German: step and phase keys, roles, membership roles, statuses, deadline keys. */
const RAW_WORDS = [
  'kickoff',
  'strategy_workshop',
  'goals_workshop',
  'decision_and_signing',
  'review_and_certification',
  'development',
  'implementation',
  'reaudit',
  'withdrawn',
  'programme_admin',
  'facilitator',
  'lead_partner',
  'co_partner',
  'cooperation_partner',
  'residents_representation',
  'housing_company',
  'municipality',
  'welfare_organisation',
  'sent_back',
  'superseded',
  'before_due',
  'on_due',
  'not_mailed',
];
/** English sentences of the server or of an untranslated library. */
const ENGLISH = [/\bmust be\b/i, /\bshould not\b/i, /\bis required\b/i, /\bnot found\b/i, /\binternal server error\b/i, /\bbad request\b/i, /\bforbidden\b/i, /\bunauthori[sz]ed\b/i, /\bno results\b/i, /\bloading\b/i];

/** The problems of the visible German text of a page: raw keys, identifiers, English sentences, dates not in TT.MM.JJJJ. */
export function germanProblems(text: string): string[] {
  // E-mail addresses and URLs are data, not messages.
  const clean = text.replace(/[\w.+-]+@[\w.-]+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  const problems: string[] = [];
  for (const m of clean.matchAll(/\b(?:genq_|resources\.|process\.|app\.|ra\.)[a-z_]+(?:\.[a-z0-9_]+)+\b/g)) problems.push(`untranslated key „${m[0]}“`);
  for (const m of clean.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) problems.push(`identifier „${m[0]}“`);
  for (const word of RAW_WORDS) if (new RegExp(`\\b${word}\\b`).test(clean)) problems.push(`raw value „${word}“`);
  for (const re of ENGLISH) {
    const m = re.exec(clean);
    if (m) problems.push(`English „${clean.slice(Math.max(0, m.index - 30), m.index + 40).trim()}“`);
  }
  for (const m of clean.matchAll(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}\.\s?(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*\.?\s\d{4}\b/g)) problems.push(`date „${m[0]}“ not TT.MM.JJJJ`);
  return [...new Set(problems)];
}
