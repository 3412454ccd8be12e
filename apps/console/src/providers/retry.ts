/**
 * A busy or briefly unavailable gateway (429 Too Many Requests, 503 Service Unavailable) is
 * asked again after a pause instead of failing the screen: 429 for every call (the gateway
 * refused it before doing anything), 503 only for reads (a write may have gone through).
 * Each pause is announced (`onRetry`), so the console can tell the person it is still trying.
 * A pause is at least as long as the gateway asks for: its 429 names the wait until the
 * user's budget refills (`params.retryAfter`, seconds, as in its `Retry-After` header), which
 * can be most of a minute; asking again sooner would only be refused again. At most
 * {@link MAX_RETRY_DELAY_MS}, and never more than three repeats.
 */
export const RETRY_DELAYS_MS = [1000, 2000, 4000] as const;

/** The longest pause: the gateway's rate limits count per minute. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** The wait the gateway asked for in its problem answer, in ms, if any. */
export function requestedWaitMs(err: unknown): number | undefined {
  const seconds = (err as { body?: { params?: { retryAfter?: unknown } } } | null)?.body?.params?.retryAfter;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export interface RetryNotice {
  status: number;
  /** 1 for the first repeat. */
  attempt: number;
  delayMs: number;
}

export const isRetryable = (status: number | undefined, method: string | undefined): boolean =>
  status === 429 || (status === 503 && ['GET', 'HEAD'].includes((method ?? 'GET').toUpperCase()));

export async function withRetry<T>(
  call: () => Promise<T>,
  method: string | undefined,
  onRetry: (notice: RetryNotice) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = (err as { status?: number }).status;
      const planned = delays[attempt];
      if (planned === undefined || !isRetryable(status, method)) throw err;
      const delayMs = Math.min(MAX_RETRY_DELAY_MS, Math.max(planned, requestedWaitMs(err) ?? 0));
      onRetry({ status: status!, attempt: attempt + 1, delayMs });
      await sleep(delayMs);
    }
  }
}

/** The event the console's layout listens to, to show the German notice. */
export const RETRY_EVENT = 'genq:retry';

export const announceRetry = (notice: RetryNotice): void => {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent<RetryNotice>(RETRY_EVENT, { detail: notice }));
};
