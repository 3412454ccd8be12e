import polyglotI18nProvider from 'ra-i18n-polyglot';
import { germanMessages } from './de';
import { englishConsoleMessages } from './en';

export const LOCALES = [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? englishConsoleMessages : germanMessages),
  'de',
  LOCALES,
);
