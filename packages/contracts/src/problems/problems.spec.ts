import { readdirSync } from 'node:fs';
import { FIELD_PROBLEMS, PROBLEMS, fieldProblemMessage, problemMessage } from './index';
import type { FieldProblemDefinition, ProblemDefinition } from './types';

/**
 * The catalogue's integrity, whichever context adds codes: every code is said in both
 * languages with the same parameters, has a status a client can act on and a name of the
 * agreed shape, and lives in exactly one catalogue file that index.ts merges.
 */
const CODE = /^[a-z_]+(\.[a-z_A-Z]+)+$/;
/** Validation codes are class-validator's constraint names (`validation.isIso8601`), which may hold digits. */
const VALIDATION_CODE = /^validation\.[a-zA-Z][a-zA-Z0-9]*$/;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

const problems = Object.entries(PROBLEMS) as Array<[string, ProblemDefinition]>;
const fieldProblems = Object.entries(FIELD_PROBLEMS) as Array<[string, FieldProblemDefinition]>;
const all = [...problems.map(([code, d]) => ['problem', code, d] as const), ...fieldProblems.map(([code, d]) => ['field problem', code, d] as const)];

describe('problem catalogue', () => {
  it('has problems and field problems', () => {
    expect(problems.length).toBeGreaterThan(10);
    expect(fieldProblems.length).toBeGreaterThan(10);
  });

  it.each(all)('%s %s has a code of the agreed shape', (_kind, code) => {
    expect(code).toMatch(code.startsWith('validation.') ? VALIDATION_CODE : CODE);
  });

  it.each(all)('%s %s is said in German and English', (_kind, _code, d) => {
    expect(typeof d.de).toBe('string');
    expect(typeof d.en).toBe('string');
    expect(d.de.trim()).not.toBe('');
    expect(d.en.trim()).not.toBe('');
  });

  it.each(all)('%s %s names the same parameters in both languages', (_kind, _code, d) => {
    expect(placeholders(d.de)).toEqual(placeholders(d.en));
  });

  it.each(all)('%s %s uses only {name} placeholders and ends a sentence', (_kind, _code, d) => {
    for (const text of [d.de, d.en]) {
      expect(text.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
      // A legacy text is shown as it came; everything else is a sentence (or, for a field, the end of one).
      if (text !== '{message}') expect(text).toMatch(/[.!?]$/);
    }
  });

  it.each(problems)('problem %s answers a 4xx or 5xx status', (_code, d) => {
    expect(Number.isInteger(d.status)).toBe(true);
    expect(d.status).toBeGreaterThanOrEqual(400);
    expect(d.status).toBeLessThan(600);
  });

  it('keeps every code in exactly one catalogue file, and index.ts merges them all', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    const merged = { problems: new Set<string>(), fields: new Set<string>() };
    const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts') && f !== 'index.ts');
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`./${file}`) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!/Problems$/.test(name) || !value || typeof value !== 'object') continue;
        for (const [code, d] of Object.entries(value as Record<string, object>)) {
          const kind = 'status' in d ? 'problem' : 'field';
          const key = `${kind} ${code}`;
          if (seen.has(key)) duplicates.push(`${key} in ${seen.get(key)} and ${file}#${name}`);
          seen.set(key, `${file}#${name}`);
          (kind === 'problem' ? merged.problems : merged.fields).add(code);
        }
      }
    }
    expect(duplicates).toEqual([]);
    expect([...merged.problems].sort()).toEqual(Object.keys(PROBLEMS).sort());
    expect([...merged.fields].sort()).toEqual(Object.keys(FIELD_PROBLEMS).sort());
  });

  it('fills parameters and says listed words in the locale', () => {
    expect(problemMessage('role.not_allowed', { role: 'viewer' }, 'de')).toBe('Dies steht der Rolle „Lesezugriff“ nicht offen.');
    expect(problemMessage('role.not_allowed', { role: 'viewer' }, 'en')).toBe('This is not open to the role "Read-only".');
    expect(fieldProblemMessage('list.sort_unknown', { sort: 'secret' }, 'de')).toBe('nennt ein Feld, nach dem sich diese Liste nicht sortieren lässt: „secret“.');
    expect(problemMessage('no.such_code', {}, 'de')).toBeUndefined();
  });
});
