import type { NextFunction, Request, Response } from 'express';

/**
 * Errors of the body parser (malformed JSON, a body over the limit, an unsupported
 * charset) reach Express before any route; without this Express answers them with an
 * HTML page that, outside production, includes the stack trace.
 */
export function bodyParserErrors(err: unknown, req: Request & { requestId?: string }, res: Response, next: NextFunction): void {
  const e = err as { status?: number; statusCode?: number; type?: string };
  const status = e?.status ?? e?.statusCode;
  if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(err);
  const message =
    e.type === 'entity.too.large'
      ? 'The request body is too large'
      : e.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body could not be read';
  res.status(status).json({ statusCode: status, message, requestId: req.requestId });
}
