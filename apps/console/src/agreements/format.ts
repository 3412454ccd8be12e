import { useDateLocale } from '../i18n/useDateLocale';

/** Dates, times and amounts in the active UI language (German: 31.12.2029, 480.000 €). */
export const useFormat = () => {
  const locale = useDateLocale();
  return {
    date: (iso: string | null | undefined) => (iso ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined }) : '–'),
    dateTime: (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '–'),
    euro: (amount: number | null | undefined) =>
      amount === null || amount === undefined ? '–' : amount.toLocaleString(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  };
};
