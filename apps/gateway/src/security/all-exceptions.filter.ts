import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { toRpcErrorPayload } from '@genq/service-kit';
import type { ProblemParams } from '@genq/contracts';
import type { GatewayRequest } from '../auth/request-context';
import { isEngineUnavailable } from '../temporal/engine-errors';
import { sendProblem, type ProblemSource } from './problem-response';

/**
 * The last word on every HTTP error: every one is answered as application/problem+json with
 * its code, in the request's language (./problem-response). Deliberate answers
 * (HttpException: 400, 401, 404...) keep their code, parameters and field problems; anything
 * else is logged with its stack under the request id and answered with a bare 500 that carries
 * the id, never a stack trace, SQL or a driver message; only Temporal being away for a moment
 * (../temporal/engine-errors) is a 503 with Retry-After, like a service that is away.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // The gateway's internal message handlers answer typed errors, like every service.
    if (host.getType() !== 'http') return throwError(() => toRpcErrorPayload(exception));
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<GatewayRequest>();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : { message: String(body) };
      if (status >= 500) {
        // e.g. "actors is unavailable: no replica listens on actors.quarters.get": for the log, not for the caller.
        this.logger.error(`${req.method} ${req.originalUrl} [${req.requestId}] ${exception.message}`);
        // A service that is away (NATS down, no replica, a replica crashed mid-request) is back
        // within seconds in every case the production profile's fault test covers: say when to retry.
        if (status === 503) res.setHeader('Retry-After', '1');
        sendProblem(req, res, { status, code: status === 503 ? 'service.unavailable' : 'internal.error' });
        return;
      }
      const retryAfter = res.getHeader('Retry-After');
      sendProblem(req, res, {
        status,
        code: typeof b.code === 'string' ? b.code : undefined,
        message: typeof b.message === 'string' ? b.message : Array.isArray(b.message) ? b.message.join('; ') : exception.message,
        params: { ...((b.params as ProblemParams | undefined) ?? {}), ...(status === 429 && retryAfter !== undefined ? { retryAfter: Number(retryAfter) } : {}) },
        errors: b.errors as ProblemSource['errors'],
      });
      return;
    }
    this.logger.error(`${req.method} ${req.originalUrl} [${req.requestId}]`, describe(exception));
    if (isEngineUnavailable(exception)) {
      res.setHeader('Retry-After', '1');
      sendProblem(req, res, { status: 503, code: 'service.unavailable' });
      return;
    }
    sendProblem(req, res, { status: 500, code: 'internal.error' });
  }
}

/** An error for the log: its stack and what caused it (a Temporal ServiceError says the gRPC status only there). */
function describe(exception: unknown): string {
  if (!(exception instanceof Error)) return String(exception);
  const cause = exception.cause instanceof Error ? exception.cause.message : exception.cause;
  return cause === undefined ? String(exception.stack) : `${exception.stack}\ncaused by: ${String(cause)}`;
}
