import { describe, expect, it } from '@jest/globals';
import { withRetry, type RetryNotice } from './retry';

const failing = (statuses: number[], retryAfter?: number[]) => {
  let calls = 0;
  return {
    call: async () => {
      const wait = retryAfter?.[calls];
      const status = statuses[calls++];
      if (status === undefined) return 'ok';
      // As react-admin's HttpError: the problem answer is the body.
      throw Object.assign(new Error(`HTTP ${status}`), { status, body: { status, code: 'request.too_many', ...(wait === undefined ? {} : { params: { retryAfter: wait } }) } });
    },
    calls: () => calls,
  };
};

describe('withRetry (429 and 503 asked again after a pause)', () => {
  const noSleep = async () => undefined;

  it('repeats a 429 and a read’s 503, announcing each pause, and answers once the gateway does', async () => {
    const notices: RetryNotice[] = [];
    const f = failing([429, 503]);
    await expect(withRetry(f.call, 'GET', (n) => notices.push(n), noSleep)).resolves.toBe('ok');
    expect(notices).toEqual([
      { status: 429, attempt: 1, delayMs: 1000 },
      { status: 503, attempt: 2, delayMs: 2000 },
    ]);
  });

  it('does not repeat a write’s 503 (it may have gone through), nor any other error', async () => {
    const write = failing([503]);
    await expect(withRetry(write.call, 'POST', () => undefined, noSleep)).rejects.toMatchObject({ status: 503 });
    expect(write.calls()).toBe(1);
    const refused = failing([409]);
    await expect(withRetry(refused.call, 'GET', () => undefined, noSleep)).rejects.toMatchObject({ status: 409 });
    expect(refused.calls()).toBe(1);
  });

  it('gives up after the last pause with the last error', async () => {
    const f = failing([429, 429, 429, 429]);
    await expect(withRetry(f.call, 'POST', () => undefined, noSleep)).rejects.toMatchObject({ status: 429 });
    expect(f.calls()).toBe(4);
  });

  it('waits as long as the gateway asks (Retry-After of its 429), at most a minute, and sleeps what it announces', async () => {
    const notices: RetryNotice[] = [];
    const slept: number[] = [];
    const f = failing([429, 429, 429], [7, 3600, 0.5]);
    await expect(withRetry(f.call, 'GET', (n) => notices.push(n), async (ms) => void slept.push(ms))).resolves.toBe('ok');
    expect(notices.map((n) => n.delayMs)).toEqual([7000, 60_000, 4000]);
    expect(slept).toEqual([7000, 60_000, 4000]);
  });
});
