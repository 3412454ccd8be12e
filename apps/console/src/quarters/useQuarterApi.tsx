import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export interface QuarterApi<T> {
  /** The id of the quarter on show; undefined while its record loads. */
  quarterId: string | undefined;
  /** The last answer; null until the first one arrives. */
  data: T | null;
  /** Why the last load failed; null after a load that worked. */
  error: string | null;
  /** True while a load is under way. */
  loading: boolean;
  /** Loads again, e.g. after a write; never throws (a failure lands in `error`). */
  reload: () => Promise<void>;
}

const messageOf = (e: unknown) => (e as Error).message;

/**
 * What a tab of the quarter page reads from the API: loads once the quarter's record is there,
 * again on `reload()`. `load` may be a new function on every render; the latest one is used.
 */
export function useQuarterApi<T>(load: (quarterId: string) => Promise<T>, reasonOf: (e: unknown) => string = messageOf): QuarterApi<T> {
  const record = useRecordContext<{ id: string }>();
  const quarterId = record?.id ? String(record.id) : undefined;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef({ load, reasonOf });
  useEffect(() => {
    latest.current = { load, reasonOf };
  });

  const reload = useCallback(async () => {
    if (!quarterId) return;
    setLoading(true);
    try {
      setData(await latest.current.load(quarterId));
      setError(null);
    } catch (e) {
      setError(latest.current.reasonOf(e));
    } finally {
      setLoading(false);
    }
  }, [quarterId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { quarterId, data, error, loading, reload };
}

/** A tab's load failure, in the words of `messageKey` (which takes `%{message}`). */
export const LoadFailed = ({ messageKey, error }: { messageKey: string; error: string }) => {
  const translate = useTranslate();
  return <Alert severity="error">{translate(messageKey, { message: error })}</Alert>;
};
