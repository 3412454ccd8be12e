import type { Request, Response } from 'express';
import {
  PROBLEM_CONTENT_TYPE,
  isProblemCode,
  negotiateLocale,
  problemMessage,
  problemType,
  sayFieldProblemNamed,
  type FieldProblem,
  type FieldProblemInput,
  type Locale,
  type ProblemDetails,
  type ProblemParams,
} from '@genq/contracts';

/** What an error says about itself before it is rendered: a service's payload, an HttpException's body. */
export interface ProblemSource {
  status: number;
  code?: string;
  /** English text: shown as it is for a legacy refusal without a code. */
  message?: string;
  params?: ProblemParams;
  errors?: FieldProblemInput[];
}

const LEGACY_BY_STATUS: Record<number, string> = {
  400: 'legacy.bad_request',
  401: 'legacy.unauthorized',
  403: 'legacy.forbidden',
  404: 'legacy.not_found',
  409: 'legacy.conflict',
  422: 'legacy.unprocessable',
};

function codeOf(source: ProblemSource): string {
  if (source.code && isProblemCode(source.code)) return source.code;
  if (source.status === 413) return 'request.body_too_large';
  if (source.status === 429) return 'request.too_many';
  if (source.status === 503) return 'service.unavailable';
  if (source.status >= 500) return 'internal.error';
  if (source.status === 404 && /^Cannot [A-Z]+ /.test(source.message ?? '')) return 'route.not_found';
  return LEGACY_BY_STATUS[source.status] ?? 'legacy.bad_request';
}

/**
 * The RFC 9457 body of an error in a locale. A code the catalogue knows is said from it; a
 * refusal without a code keeps its text under a `legacy.*` code; 5xx never carry a service's
 * text (it is for the log).
 */
export function toProblemDetails(source: ProblemSource, locale: Locale, requestId?: string): ProblemDetails {
  const code = codeOf(source);
  const params: ProblemParams = code.startsWith('legacy.') ? { message: source.message ?? '' } : { ...(source.params ?? {}) };
  const detail = problemMessage(code, params, locale) ?? source.message ?? code;
  const errors: FieldProblem[] | undefined = source.errors?.map((e) => ({
    field: e.field,
    code: e.code,
    message: sayFieldProblemNamed(e, locale),
    ...(e.params && Object.keys(e.params).length ? { params: e.params } : {}),
  }));
  return {
    type: problemType(code),
    title: detail,
    status: source.status,
    code,
    detail,
    ...(code.startsWith('legacy.') || Object.keys(params).length === 0 ? {} : { params }),
    ...(errors ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Answers a request with a problem in the language its Accept-Language asks for. */
export function sendProblem(req: Request & { requestId?: string }, res: Response, source: ProblemSource): void {
  const locale = negotiateLocale(req.headers['accept-language']);
  const body = toProblemDetails(source, locale, req.requestId);
  res.status(source.status).setHeader('Content-Language', locale);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.end(JSON.stringify(body));
}
