import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem-response';

/**
 * Errors of the body parser (malformed JSON, a body over the limit, an unsupported
 * charset) reach Express before any route; without this Express answers them with an
 * HTML page that, outside production, includes the stack trace.
 */
export function bodyParserErrors(err: unknown, req: Request & { requestId?: string }, res: Response, next: NextFunction): void {
  const e = err as { status?: number; statusCode?: number; type?: string };
  const status = e?.status ?? e?.statusCode;
  if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(err);
  const code =
    e.type === 'entity.too.large' ? 'request.body_too_large' : e.type === 'entity.parse.failed' ? 'request.body_not_json' : status === 415 ? 'request.unsupported_media_type' : 'request.invalid';
  sendProblem(req, res, { status, code });
}
