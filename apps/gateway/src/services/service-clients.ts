import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ACTORS_SERVICE, AGREEMENTS_SERVICE, ANALYSIS_SERVICE, AUDIT_META_KEY, type AuditContext } from '@genq/contracts';
import { request, toHttpException } from '@genq/service-kit';
import { currentRequest } from '../auth/request-context';

export type ServiceName = 'actors' | 'analysis' | 'agreements';

/**
 * Calls a service and maps its typed errors back to HTTP (a 400 inside a service is a
 * 400 here, an unreachable service a 503), so controllers just await the answer. Every
 * command of a signed-in request carries its audit context (who, which request, the policy's
 * programme and quarter): the service records the audit entry of its change itself.
 */
@Injectable()
export class ServiceClients {
  private readonly clients: Record<ServiceName, ClientProxy>;

  constructor(
    @Inject(ACTORS_SERVICE) actors: ClientProxy,
    @Inject(ANALYSIS_SERVICE) analysis: ClientProxy,
    @Inject(AGREEMENTS_SERVICE) agreements: ClientProxy,
  ) {
    this.clients = { actors, analysis, agreements };
  }

  async send<T>(service: ServiceName, pattern: string, payload: unknown, timeoutMs?: number): Promise<T> {
    try {
      return await request<T>(this.clients[service], service, pattern, withAuditContext(payload), timeoutMs);
    } catch (err) {
      throw toHttpException(err);
    }
  }
}

/**
 * Adds the request's audit context to an object payload under the reserved `_meta` key
 * (a copy: the caller's object is not changed). In the payload rather than in a transport
 * header, so it reaches the service whichever transport carries the message; the
 * service-kit's AuditContextInterceptor takes it off again before validation.
 */
export function withAuditContext(payload: unknown): unknown {
  const meta = requestAuditContext();
  if (!meta || !payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  return { ...(payload as Record<string, unknown>), [AUDIT_META_KEY]: meta };
}

/**
 * Who is asking and in which request (none outside a signed-in request): sent with every
 * command, and with the updates of a quarter's workflow, whose owner records the audit entry.
 */
export function requestAuditContext(): AuditContext | undefined {
  const ctx = currentRequest();
  if (!ctx?.principal) return undefined;
  return {
    actor: { userId: ctx.principal.id, email: ctx.principal.email, role: ctx.principal.role },
    requestId: ctx.requestId,
    programmeId: ctx.programmeId ?? null,
    quarterId: ctx.quarterId ?? null,
    programmeIds: ctx.principal.programmeIds,
  };
}
