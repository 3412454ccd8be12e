import { useLocaleState } from 'react-admin';

/** BCP 47 tag for date formatting in the active UI language. */
export const useDateLocale = (): string => {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en-GB' : 'de-DE';
};
