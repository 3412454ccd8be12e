import {
  ArgumentsHost,
  Catch,
  HttpException,
  Logger,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import {
  PROBLEMS,
  isFieldProblemCode,
  isRpcErrorPayload,
  problemMessage,
  type FieldProblemInput,
  type ProblemCode,
  type ProblemParams,
  type RpcErrorPayload,
} from '@genq/contracts';
import { isUniqueViolation } from './database';

/**
 * A refusal with a problem code (see @genq/contracts problems): the status comes from the
 * code's catalogue entry, the gateway renders its message in the caller's language. Thrown
 * in a service it crosses the wire as an RpcErrorPayload; thrown in the gateway it is
 * answered directly. `errors` lists field problems, every one at once.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
    readonly errors?: FieldProblemInput[],
  ) {
    const english = problemMessage(code, params, 'en') ?? code;
    super({ statusCode: PROBLEMS[code].status, code, message: english, params, ...(errors ? { errors } : {}) }, PROBLEMS[code].status);
  }
}

export function problem(code: ProblemCode, params: ProblemParams = {}, errors?: FieldProblemInput[]): ProblemException {
  return new ProblemException(code, params, errors);
}

/** A 400 listing field problems: `invalidFields({ field: 'name', code: 'validation.required' }, ...)`. */
export function invalidFields(...errors: FieldProblemInput[]): ProblemException {
  return new ProblemException('request.invalid', { count: errors.length }, errors);
}

/** The parameters of a class-validator constraint, by the constraint's name. */
function constraintParams(name: string, constraints: unknown[] | undefined): ProblemParams {
  const c = constraints ?? [];
  const list = (v: unknown) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : []).map(String).join(', ');
  switch (name) {
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return { max: Number(c[0]) };
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return { min: Number(c[0]) };
    case 'isLength':
      return { min: Number(c[0]), max: Number(c[1]) };
    case 'isIn':
    case 'isEnum':
      return { values: list(c[0]) };
    case 'matches':
      return { pattern: String(c[0]) };
    default:
      return {};
  }
}

function metadataOf(target: object | undefined, property: string): ValidationMetadata[] {
  if (!target) return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((m) => m.propertyName === property);
}

/**
 * Every field problem of a failed validation, one per field, with the code of the constraint
 * that failed (`validation.maxLength`) and its parameters. A missing value is
 * `validation.required`, whatever else the field requires, so nobody reads "must be shorter
 * than 200 characters" for a field they left out. Nested fields are dotted: `startAt.phase`,
 * `proposals.0.text`.
 */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblemInput[] {
  const out: FieldProblemInput[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.children && e.children.length > 0) out.push(...fieldProblems(e.children, field));
    const names = Object.keys(e.constraints ?? {});
    if (names.length === 0) continue;
    if (names.includes('whitelistValidation')) {
      out.push({ field, code: 'validation.whitelistValidation' });
      continue;
    }
    // Left out, or left empty where text is required (a minimum length counts: `Length(1, max)`).
    const emptyRefused = e.value === '' && names.some((n) => n === 'isNotEmpty' || n === 'isLength' || n === 'minLength');
    if (e.value === undefined || e.value === null || emptyRefused) {
      out.push({ field, code: 'validation.required' });
      continue;
    }
    // Decorators apply bottom-up, so a property's constraints are registered last-declared first:
    // reversed, they read as written (`@IsString() @MaxLength(200)`: not text is said before too long).
    const metadata = metadataOf(e.target, e.property).reverse();
    // The first constraint that failed in the order they are declared.
    const declared = metadata.map((m) => m.name ?? m.constraintCls?.name).filter((n): n is string => !!n && names.includes(n));
    const name = declared[0] ?? (names[0] as string);
    const meta = metadata.find((m) => (m.name ?? m.constraintCls?.name) === name);
    const code = isFieldProblemCode(`validation.${name}`) ? `validation.${name}` : 'validation.legacy';
    const params = code === 'validation.legacy' ? { message: String(e.constraints?.[name] ?? name) } : constraintParams(name, meta?.constraints);
    out.push({ field, code, ...(Object.keys(params).length ? { params } : {}) });
  }
  return out;
}

const validationOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // Every bad field at once; fieldProblems keeps one problem per field.
  stopAtFirstError: false,
  // fieldProblems reads the target's metadata and whether a value was given; neither leaves the process.
  validationError: { target: true, value: true },
};

/**
 * Every DTO validation, in the gateway and in message handlers alike: a 400 listing every field
 * problem (a ProblemException, which the RpcErrorFilter carries across the wire unchanged).
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({ ...validationOptions, exceptionFactory: (errors) => invalidFields(...fieldProblems(errors)) });
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
      ...(typeof b.code === 'string' ? { code: b.code } : {}),
      ...(b.params && typeof b.params === 'object' ? { params: b.params as ProblemParams } : {}),
      ...(b.errors && typeof b.errors === 'object' ? { errors: b.errors as RpcErrorPayload['errors'] } : {}),
    };
  }
  if (isUniqueViolation(exception)) return { status: 409, code: 'record.exists', message: 'A record with these values already exists' };
  return { status: 500, code: 'internal.error', message: 'Internal error' };
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
