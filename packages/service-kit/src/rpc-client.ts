import { HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ClientProxyFactory, NatsRecord, Transport, type ClientProxy, type NatsOptions } from '@nestjs/microservices';
import { headers as natsHeaders } from 'nats';
// Not re-exported by the package's index; the NATS client rejects with it on "no responders".
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { isRpcErrorPayload, type RpcErrorPayload } from '@genq/contracts';
import type { NatsConfig } from './events/nats';
import { rpcClientDuration } from './observability/metrics';
import { SpanKind, SpanStatusCode, context, trace, traceHeaders, tracer, type Span } from './observability/telemetry';

export const DEFAULT_RPC_TIMEOUT_MS = 10_000;

/**
 * The queue group a service's replicas share on NATS: each request reaches exactly one of
 * them, so a service scales by starting more processes, with no address of its own.
 */
export function rpcQueueGroup(service: string): string {
  return `genq.${service}`;
}

/**
 * Connection options of both ends of the RPC transport. Reconnect forever: a restart of NATS
 * makes requests fail fast (503) while it is away, never ends a process or a client.
 */
export function natsRpcOptions(config: NatsConfig, name: string): NonNullable<NatsOptions['options']> {
  return {
    servers: config.url.split(',').map((s) => s.trim()).filter(Boolean),
    name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  };
}

/**
 * A client for requests to the services over NATS; `name` names the connection in NATS's
 * monitoring. One client reaches every service: the message pattern is the subject.
 * `ClientProxy.send()` is cold: use {@link request}.
 */
export function natsClient(config: NatsConfig, name: string): ClientProxy {
  return ClientProxyFactory.create({ transport: Transport.NATS, options: natsRpcOptions(config, name) });
}

/** A service answered with a typed error (validation, conflict, not found...). */
export class ServiceError extends Error {
  constructor(
    readonly service: string,
    readonly payload: RpcErrorPayload,
  ) {
    super(`${service}: ${payload.message}`);
    this.name = 'ServiceError';
  }
}

/** The service did not answer in time, no replica of it listens, or NATS is away. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * Sends one request and waits for the answer, with a timeout; errors come back typed. The
 * request is a client span whose trace context travels in the message's headers, and its
 * latency is recorded by target service and pattern.
 */
export async function request<TResult, TPayload = unknown>(
  client: ClientProxy,
  service: string,
  pattern: string,
  payload: TPayload,
  timeoutMs = DEFAULT_RPC_TIMEOUT_MS,
): Promise<TResult> {
  const started = process.hrtime.bigint();
  const span = tracer().startSpan(pattern, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.service': service, 'rpc.method': pattern } });
  let outcome = 'ok';
  try {
    return await sendOnce<TResult, TPayload>(client, service, pattern, payload, timeoutMs, span);
  } catch (err) {
    outcome = err instanceof ServiceError ? 'error' : 'unavailable';
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
    rpcClientDuration.observe({ service, pattern, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

async function sendOnce<TResult, TPayload>(client: ClientProxy, service: string, pattern: string, payload: TPayload, timeoutMs: number, span: Span): Promise<TResult> {
  const headers = natsHeaders();
  for (const [k, v] of Object.entries(traceHeaders(trace.setSpan(context.active(), span)))) headers.set(k, v);
  const record = new NatsRecord(payload, headers) as unknown as TPayload;
  try {
    return await firstValueFrom(client.send<TResult, TPayload>(pattern, record).pipe(timeout(timeoutMs)));
  } catch (err) {
    if (isRpcErrorPayload(err)) throw new ServiceError(service, err);
    if (err instanceof TimeoutError) throw new ServiceUnavailableError(service, new Error(`no answer within ${timeoutMs} ms`));
    // NATS answers "no responders" at once when no replica subscribes to the subject.
    if (err instanceof EmptyResponseException) throw new ServiceUnavailableError(service, new Error(`no replica listens on ${pattern}`));
    // Larger than NATS's max_payload (infra/nats/nats.conf): the client refuses to publish it.
    if ((err as { code?: string } | null)?.code === 'MAX_PAYLOAD_EXCEEDED') {
      throw new ServiceError(service, { status: 413, code: 'request.body_too_large', message: `request too large for the message bus (${pattern})` });
    }
    throw new ServiceUnavailableError(service, err);
  }
}

/** Maps service errors back to the HTTP status they carry (400 stays 400, not 500). */
export function toHttpException(err: unknown): unknown {
  if (err instanceof ServiceError) {
    const { status, message, code, params, errors } = err.payload;
    return new HttpException({ statusCode: status, message, ...(code ? { code } : {}), ...(params ? { params } : {}), ...(errors ? { errors } : {}) }, status);
  }
  if (err instanceof ServiceUnavailableError) {
    return new ServiceUnavailableException({ statusCode: 503, code: 'service.unavailable', message: err.message });
  }
  return err;
}
