/**
 * A busy or briefly unavailable gateway (429 Too Many Requests, 503 Service Unavailable) is
 * asked again after a pause instead of failing the screen: 429 for every call (the gateway
 * refused it before doing anything), 503 only for reads (a write may have gone through).
 * Each pause is announced (`onRetry`), so the console can tell the person it is still trying.
 */
export const RETRY_DELAYS_MS = [1000, 2000, 4000] as const;

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
      const delayMs = delays[attempt];
      if (delayMs === undefined || !isRetryable(status, method)) throw err;
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
