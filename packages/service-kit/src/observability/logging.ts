import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentTraceIds } from './telemetry';

/** What a log line says about the request being handled: request id, quarter, actor (ids only). */
export interface LogContext {
  requestId?: string | null;
  quarterId?: string | null;
  programmeId?: string | null;
  userId?: string | null;
  role?: string | null;
}

const contexts: Array<() => LogContext | undefined> = [];

/** Adds a source of the current request's ids (the gateway's request, a service's audit context). */
export function registerLogContext(source: () => LogContext | undefined): void {
  contexts.push(source);
}

/**
 * Never logged: credentials, and personal data beyond ids. Paths of structured fields; a
 * message text is the caller's to keep clean.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'email',
  '*.email',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

let root: Logger | null = null;

/**
 * The process's logger: JSON lines when `LOG_FORMAT=json` (production, for a log collector),
 * one human-readable line per entry otherwise (the embedded default). Every entry carries
 * the app, the trace and span id of the current span and the ids of the request being
 * handled. Written synchronously: a line is in the log once the call returns.
 */
export function rootLogger(app = 'genq'): Logger {
  if (root) return root;
  const json = (process.env.LOG_FORMAT ?? '').trim().toLowerCase() === 'json';
  const options: pino.LoggerOptions = {
    base: { app },
    level: process.env.LOG_LEVEL?.trim() || 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const out: Record<string, unknown> = {};
      const ids = currentTraceIds();
      if (ids) Object.assign(out, { traceId: ids.traceId, spanId: ids.spanId });
      for (const source of contexts) {
        const ctx = source();
        if (!ctx) continue;
        for (const [k, v] of Object.entries(ctx)) if (v !== undefined && v !== null && out[k] === undefined) out[k] = v;
      }
      return out;
    },
  };
  root = json
    ? pino(options, pino.destination({ sync: true }))
    : pino(options, pretty({ sync: true, colorize: false, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app,context', messageFormat: '[{context}] {msg}', hideObject: false }));
  return root;
}

/** Nest's logger on top of pino: Nest's own lines and every `new Logger(name)` become structured entries. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger = rootLogger()) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (the logger's name) last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = { context: context ?? '-' };
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as object) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

/** A plain logger for code outside Nest (the worker): `log.info('...')`, with the same fields. */
export function appLogger(context: string): Logger {
  return rootLogger().child({ context });
}

interface AccessReq {
  method?: string;
  baseUrl?: string;
  route?: { path?: string };
}
interface AccessRes {
  statusCode: number;
  once(event: 'finish', listener: () => void): unknown;
}

/**
 * Express middleware writing one entry per answer: refusals (4xx) at info, failures (5xx) at
 * error, the rest at debug (`LOG_LEVEL=debug` shows every request). The entry names the route
 * template, the status and the time taken, with the trace of the request and the ids `idsOf`
 * reads off it once it is answered (request id, who asked).
 */
export function accessLogMiddleware<Q extends AccessReq>(idsOf: (req: Q) => LogContext) {
  const log = appLogger('http');
  return (req: Q, res: AccessRes, next: () => void): void => {
    const started = process.hrtime.bigint();
    const trace = currentTraceIds();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      log[level]({ ...(trace ?? {}), ...idsOf(req), method: req.method, route, status, durationMs }, `${req.method} ${route} answered ${status} in ${durationMs} ms`);
    });
    next();
  };
}
