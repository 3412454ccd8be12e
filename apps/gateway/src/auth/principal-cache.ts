import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../tokens';
import type { Principal } from './request-context';

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * The principals the actors service resolved for recent requests, for a few seconds
 * (`AUTH_PRINCIPAL_CACHE_MS`, default 5,000; 0 turns it off). Every signed-in request needs its
 * session and account checked; asking the actors service each time is a NATS round trip and three
 * reads, about half of a small request's time. The cache keeps the answer of a session that holds,
 * never a refusal, and never longer than its time:
 *
 * - **A change made through this gateway counts at once.** Every write it forwards (any method but
 *   GET, HEAD, OPTIONS; logout, an account disabled or changed, a programme created, organisations
 *   merged) empties the cache when the service has answered, before the answer is sent; a
 *   resolution that was on its way meanwhile is not kept (generation count). So the gateway needs
 *   no list of which writes change whom: it holds no domain rule.
 * - **A change made elsewhere** (another gateway replica) counts after at most the cache's time.
 *
 * Concurrent requests of one session (the console loads a screen with several) share one
 * resolution. The principals are frozen: a request cannot change what the next one reads.
 */
@Injectable()
export class PrincipalCache {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, { generation: number; promise: Promise<Principal> }>();
  private generation = 0;

  constructor(@Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'auth'>) {
    this.ttlMs = config.auth.principalCacheMs;
    this.maxEntries = config.auth.principalCacheEntries;
  }

  /** The principal for `key` (account and session, or external subject): cached, or `load`ed and kept. */
  async resolve(key: string, load: () => Promise<Principal>): Promise<Principal> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit) {
      if (hit.until > Date.now()) return hit.principal;
      this.entries.delete(key);
    }
    const generation = this.generation;
    const waiting = this.pending.get(key);
    if (waiting && waiting.generation === generation) return waiting.promise;
    const promise = load().then((principal) => {
      const frozen = freeze(principal);
      if (generation === this.generation) this.keep(key, frozen);
      return frozen;
    });
    this.pending.set(key, { generation, promise });
    const done = () => {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  /** Forgets every principal, and every resolution on its way: a write may have changed any of them. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, principal: Principal): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      // The oldest first: a Map iterates in insertion order.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { principal, until: Date.now() + this.ttlMs });
  }
}

function freeze(principal: Principal): Principal {
  for (const value of Object.values(principal)) {
    if (value && typeof value === 'object') Object.freeze(value);
  }
  return Object.freeze(principal);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Empties the principal cache when a write has been handled (answered or failed), before its
 * answer leaves: the writer's next request, and everyone else's, sees the change.
 */
@Injectable()
export class ForgetPrincipalsAfterWrites implements NestInterceptor {
  constructor(private readonly cache: PrincipalCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || SAFE_METHODS.has(context.switchToHttp().getRequest<{ method: string }>().method)) {
      return next.handle();
    }
    return next.handle().pipe(finalize(() => this.cache.forgetAll()));
  }
}
