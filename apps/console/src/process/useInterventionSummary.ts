import { useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { toMonthsAndDays } from '../programmes/duration';
import { summaryMessage } from './summary';

/** Says an intervention summary in the console's language, with dates and durations in its format. */
export const useInterventionSummary = () => {
  const translate = useTranslate();
  const locale = useDateLocale();
  return (summary: string | null | undefined): string => {
    if (!summary) return '';
    const message = summaryMessage(summary);
    if (!message) return summary;
    const args = { ...message.args };
    if (typeof args.date === 'string') {
      args.date = new Date(`${args.date}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    }
    if (typeof args.by === 'string') {
      const parts = toMonthsAndDays(args.by);
      if (parts && !args.by.includes('T')) {
        args.by = [
          parts.months ? translate('genq_programmes.duration.month_count', { smart_count: parts.months }) : '',
          parts.days ? translate('genq_programmes.duration.day_count', { smart_count: parts.days }) : '',
        ]
          .filter(Boolean)
          .join(' ');
      }
    }
    return translate(message.key, { ...args, _: summary });
  };
};
