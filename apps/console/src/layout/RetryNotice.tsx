import { useEffect } from 'react';
import { useNotify } from 'react-admin';
import { RETRY_EVENT, type RetryNotice as Notice } from '../providers/retry';

/** Tells the person, in their language, that the console asks a busy gateway again. */
export const RetryNotice = () => {
  const notify = useNotify();
  useEffect(() => {
    const show = (e: Event) => {
      const { status, delayMs } = (e as CustomEvent<Notice>).detail;
      notify(status === 429 ? 'app.retry.busy' : 'app.retry.unavailable', { type: 'warning', messageArgs: { seconds: Math.round(delayMs / 1000) }, autoHideDuration: delayMs + 1000 });
    };
    window.addEventListener(RETRY_EVENT, show);
    return () => window.removeEventListener(RETRY_EVENT, show);
  }, [notify]);
  return null;
};
