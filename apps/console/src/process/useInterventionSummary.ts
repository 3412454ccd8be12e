import { useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { toMonthsAndDays } from '../programmes/duration';
import { summaryMessage, type SaidSummary } from './said';

/**
 * Says an intervention summary in the console's language from its code and parameters, with
 * dates and durations in its format. A summary recorded before codes has only its English
 * sentence, which is shown as it is.
 */
export const useInterventionSummary = () => {
  const translate = useTranslate();
  const locale = useDateLocale();
  return (said: SaidSummary | null | undefined): string => {
    if (!said) return '';
    const message = summaryMessage(said);
    if (!message) return said.summary ?? '';
    const args = { ...message.args };
    for (const name of ['date', 'since']) {
      const value = args[name];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        args[name] = new Date(`${value}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      }
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
    return translate(message.key, { ...args, _: said.summary ?? message.key });
  };
};
