import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AccountDto } from '@genq/contracts';

/** The signed-in user as the actors service knows them right now. */
export type Principal = AccountDto;

/** What the gateway knows about the request being served; sent along with every command as its audit context. */
export interface RequestContext {
  requestId: string;
  principal?: Principal;
  /** Programme and quarter of the records the policy checked: audit entries are filed under them. */
  programmeId?: string | null;
  quarterId?: string | null;
}

export interface GatewayRequest extends Request {
  requestId?: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, if any (not inside timers). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

// Accept a caller's id (a proxy's, a client's retry) only if it cannot smuggle anything into logs.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * First middleware: every answer, errors included, carries an `X-Request-Id` that the
 * audit log records. API answers hold tokens and personal data: never cached.
 */
export function requestIdMiddleware(req: GatewayRequest, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  req.requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Opens the request context. Mounted after the body parser: the parser resumes the chain
 * from stream callbacks, which would lose a context opened before it.
 */
export function requestContextMiddleware(req: GatewayRequest, _res: Response, next: NextFunction): void {
  storage.run({ requestId: req.requestId ?? randomUUID() }, next);
}
