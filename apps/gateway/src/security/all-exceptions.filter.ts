import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { toRpcErrorPayload } from '@genq/service-kit';
import type { GatewayRequest } from '../auth/request-context';

/**
 * The last word on every HTTP error. Deliberate answers (HttpException: 400, 401, 404...)
 * keep their body; anything else is logged with its stack under the request id and answered
 * with a bare 500 that carries the id, never a stack trace, SQL or a driver message.
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
      if (status >= 500) {
        // e.g. "actors is unavailable: no replica listens on actors.quarters.get": for the log, not for the caller.
        this.logger.error(`${req.method} ${req.originalUrl} [${req.requestId}] ${exception.message}`);
        const message = status === 503 ? 'A service is temporarily unavailable; please try again shortly' : 'Internal server error';
        res.status(status).json({ statusCode: status, message, requestId: req.requestId });
        return;
      }
      res.status(status).json(typeof body === 'object' ? body : { statusCode: status, message: body });
      return;
    }
    this.logger.error(`${req.method} ${req.originalUrl} [${req.requestId}]`, exception instanceof Error ? exception.stack : String(exception));
    res.status(500).json({ statusCode: 500, message: 'Internal server error', requestId: req.requestId });
  }
}
