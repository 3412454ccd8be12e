import { lastValueFrom, of, throwError } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Principal } from './request-context';
import { ForgetPrincipalsAfterWrites, PrincipalCache } from './principal-cache';

const principal = (id: string, role: Principal['role'] = 'operator'): Principal =>
  ({ id, email: `${id}@genq.example`, role, programmeIds: ['nrw'], organisationId: null }) as unknown as Principal;

const cacheOf = (principalCacheMs = 5000, principalCacheEntries = 100) =>
  new PrincipalCache({ auth: { principalCacheMs, principalCacheEntries } as never });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PrincipalCache', () => {
  afterEach(() => jest.useRealTimers());

  it('asks once within its time, and again after it', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = cacheOf(5000);
    const load = jest.fn(async () => principal('a'));
    await cache.resolve('k', load);
    await cache.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_000_000 + 5001);
    await cache.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks every time when turned off (0 ms)', async () => {
    const cache = cacheOf(0);
    const load = jest.fn(async () => principal('a'));
    await cache.resolve('k', load);
    await cache.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('keeps no refusal: a revoked session is asked about again', async () => {
    const cache = cacheOf();
    const load = jest.fn(async (): Promise<Principal> => {
      throw new Error('401');
    });
    await expect(cache.resolve('k', load)).rejects.toThrow('401');
    await expect(cache.resolve('k', load)).rejects.toThrow('401');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one resolution between concurrent requests of a session', async () => {
    const cache = cacheOf();
    const answer = deferred<Principal>();
    const load = jest.fn(() => answer.promise);
    const both = Promise.all([cache.resolve('k', load), cache.resolve('k', load)]);
    answer.resolve(principal('a'));
    const [x, y] = await both;
    expect(load).toHaveBeenCalledTimes(1);
    expect(x).toBe(y);
  });

  it('forgets everything on a write, and does not keep a resolution that was on its way meanwhile', async () => {
    const cache = cacheOf();
    await cache.resolve('k', async () => principal('a', 'operator'));
    cache.forgetAll();
    expect(cache.size).toBe(0);

    // Read before the write committed, answered after it: must not be kept.
    const stale = deferred<Principal>();
    const beforeWrite = cache.resolve('k', () => stale.promise);
    cache.forgetAll();
    stale.resolve(principal('a', 'operator'));
    await beforeWrite;
    const load = jest.fn(async () => principal('a', 'viewer'));
    expect((await cache.resolve('k', load)).role).toBe('viewer');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('holds at most its number of entries, the oldest going first', async () => {
    const cache = cacheOf(5000, 2);
    for (const id of ['a', 'b', 'c']) await cache.resolve(id, async () => principal(id));
    expect(cache.size).toBe(2);
    const load = jest.fn(async () => principal('a'));
    await cache.resolve('a', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands out frozen principals: one request cannot change what the next one reads', async () => {
    const cache = cacheOf();
    const p = await cache.resolve('k', async () => principal('a'));
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => (p.programmeIds as string[]).push('x')).toThrow(TypeError);
  });
});

describe('ForgetPrincipalsAfterWrites', () => {
  const context = (method: string) =>
    ({ getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({ method }) }) }) as unknown as ExecutionContext;
  const handler = (answer = of('ok')): CallHandler => ({ handle: () => answer });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('empties the cache when a %s has been handled', async (method) => {
    const cache = cacheOf();
    await cache.resolve('k', async () => principal('a'));
    await lastValueFrom(new ForgetPrincipalsAfterWrites(cache).intercept(context(method), handler()));
    expect(cache.size).toBe(0);
  });

  it('empties it when a write failed too (it may have changed something before it failed)', async () => {
    const cache = cacheOf();
    await cache.resolve('k', async () => principal('a'));
    const failing = handler(throwError(() => new Error('boom')));
    await expect(lastValueFrom(new ForgetPrincipalsAfterWrites(cache).intercept(context('POST'), failing))).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
  });

  it('keeps it for reads', async () => {
    const cache = cacheOf();
    await cache.resolve('k', async () => principal('a'));
    await lastValueFrom(new ForgetPrincipalsAfterWrites(cache).intercept(context('GET'), handler()));
    expect(cache.size).toBe(1);
  });
});
