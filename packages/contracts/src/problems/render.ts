import { DEFAULT_LOCALE, type Locale, type ProblemParams } from './types';
import { PROBLEM_WORDS } from './words';

/**
 * The locale a request asks for by its Accept-Language header (RFC 9110 quality values):
 * German unless English ranks higher.
 */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.q > 0 && !Number.isNaN(e.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.lang === 'de' || entry.lang === 'en') return entry.lang;
  }
  return DEFAULT_LOCALE;
}

/**
 * Fills a template's `{name}` placeholders. A parameter whose name the word table knows (a
 * status, a role, a party...) is said in the locale's words; lists are joined with ", ".
 */
export function fillTemplate(template: string, params: ProblemParams | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) return whole;
    const text = String(value);
    return PROBLEM_WORDS[locale][name]?.[text] ?? text;
  });
}
