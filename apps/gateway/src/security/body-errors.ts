import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem-response';
import { JSON_LIMITS } from './json-limits';

/**
 * Errors of the body parser (malformed JSON, a body over the limit or too deeply nested, an
 * unsupported charset) reach Express before any route; without this Express answers them
 * with an HTML page that, outside production, includes the stack trace.
 */
export function bodyParserErrors(err: unknown, req: Request & { requestId?: string }, res: Response, next: NextFunction): void {
  const e = err as { status?: number; statusCode?: number; type?: string };
  const status = e?.status ?? e?.statusCode;
  if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(err);
  if (e.type === 'entity.too.complex') {
    sendProblem(req, res, { status: 400, code: 'request.body_too_complex', params: { ...JSON_LIMITS } });
    return;
  }
  const code =
    e.type === 'entity.too.large' ? 'request.body_too_large' : e.type === 'entity.parse.failed' ? 'request.body_not_json' : status === 415 ? 'request.unsupported_media_type' : 'request.invalid';
  sendProblem(req, res, { status, code });
}

/** Whether a request carries a body (a length over 0, or chunked), as body-parser decides it. */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/**
 * A body that none of the parsers read (sent as text/plain, a form, or without a content
 * type) is refused here: routes take JSON (and the indicator import its file types), and a
 * body nobody read would otherwise reach a route as if none had been sent.
 */
export function unreadBodies(req: Request & { requestId?: string }, res: Response, next: NextFunction): void {
  if (req.body === undefined && hasBody(req)) {
    // Drain what is left so the connection can be reused.
    req.resume();
    sendProblem(req, res, { status: 400, code: 'request.body_not_json' });
    return;
  }
  next();
}
