import { HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { isRpcErrorPayload, type RpcErrorPayload } from '@genq/contracts';
import type { Endpoint } from './config';

export const DEFAULT_RPC_TIMEOUT_MS = 10_000;

/** A TCP client to one service. `ClientProxy.send()` is cold: use {@link request}. */
export function tcpClient(endpoint: Endpoint): ClientProxy {
  return ClientProxyFactory.create({ transport: Transport.TCP, options: { host: endpoint.host, port: endpoint.port } });
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

/** The service did not answer in time or could not be reached. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ServiceUnavailableError';
  }
}

/** Sends one request and waits for the answer, with a timeout; errors come back typed. */
export async function request<TResult, TPayload = unknown>(
  client: ClientProxy,
  service: string,
  pattern: string,
  payload: TPayload,
  timeoutMs = DEFAULT_RPC_TIMEOUT_MS,
): Promise<TResult> {
  try {
    return await firstValueFrom(client.send<TResult, TPayload>(pattern, payload).pipe(timeout(timeoutMs)));
  } catch (err) {
    if (isRpcErrorPayload(err)) throw new ServiceError(service, err);
    if (err instanceof TimeoutError) throw new ServiceUnavailableError(service, new Error(`no answer within ${timeoutMs} ms`));
    throw new ServiceUnavailableError(service, err);
  }
}

/** Maps service errors back to the HTTP status they carry (400 stays 400, not 500). */
export function toHttpException(err: unknown): unknown {
  if (err instanceof ServiceError) {
    const { status, message, errors } = err.payload;
    return new HttpException({ statusCode: status, message, ...(errors ? { errors } : {}) }, status);
  }
  if (err instanceof ServiceUnavailableError) {
    return new ServiceUnavailableException({ statusCode: 503, message: err.message });
  }
  return err;
}
