import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  Logger,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { isRpcErrorPayload, type RpcErrorPayload } from '@genq/contracts';
import { isUniqueViolation } from './database';

/**
 * Turns class-validator errors into a tree keyed by field, nested like the body,
 * the shape react-admin shows next to the inputs: `{ name: 'must not be empty' }`.
 */
export function fieldErrors(errors: ValidationError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    if (e.children && e.children.length > 0) {
      out[e.property] = fieldErrors(e.children);
    } else if (e.constraints) {
      out[e.property] = Object.values(e.constraints).join('; ');
    }
  }
  return out;
}

const validationOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

/** HTTP: a 400 whose body carries the field tree under `errors`. */
export function httpValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, message: 'Validation failed', errors: fieldErrors(errors) }),
  });
}

/** Message handlers: the same tree, carried as an RpcException so it crosses the wire as a typed error. */
export function rpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) =>
      new RpcException({ status: 400, message: 'Validation failed', errors: fieldErrors(errors) } satisfies RpcErrorPayload),
  });
}

/** Raise a business rejection from a service with the HTTP status the gateway should answer. */
export function rpcError(status: number, message: string, errors?: Record<string, unknown>): RpcException {
  return new RpcException({ status, message, ...(errors ? { errors } : {}) } satisfies RpcErrorPayload);
}

export function toRpcErrorPayload(exception: unknown): RpcErrorPayload {
  if (exception instanceof RpcException) {
    const e = exception.getError();
    if (isRpcErrorPayload(e)) return e;
    return { status: 500, message: typeof e === 'string' ? e : 'Internal error' };
  }
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    return {
      status: exception.getStatus(),
      message: typeof b.message === 'string' ? b.message : exception.message,
      ...(b.errors && typeof b.errors === 'object' ? { errors: b.errors as Record<string, unknown> } : {}),
    };
  }
  if (isUniqueViolation(exception)) return { status: 409, message: 'A record with these values already exists' };
  return { status: 500, message: 'Internal error' };
}

/**
 * Every error leaving a message handler becomes an RpcErrorPayload. Without this an
 * HttpException thrown in a handler reaches the caller as a bare 500; unexpected errors
 * are logged here and never leak stack traces or SQL to the caller.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const payload = toRpcErrorPayload(exception);
    if (payload.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return throwError(() => payload);
  }
}
