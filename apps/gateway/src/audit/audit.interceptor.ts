import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, type Observable } from 'rxjs';
import { PUBLIC_KEY } from '../auth/policy';
import { currentRequest, type GatewayRequest } from '../auth/request-context';
import { AuditService } from './audit.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The safety net of the audit log: a write (any method but GET/HEAD/OPTIONS) through a
 * signed-in route that succeeded without recording an entry gets a generic one (route,
 * parameters, answer), and a warning in the log names the handler that should record its own.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (READS.has(req.method) || isPublic) return next.handle();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const ctx = currentRequest();
        if (ctx && ctx.audited === 0 && req.principal) {
          const route = `${req.method} ${req.route?.path ?? req.path}`;
          this.logger.warn(`${context.getClass().name}.${context.getHandler().name} (${route}) wrote without an audit entry; recording a generic one`);
          const params = (req.params ?? {}) as Record<string, string>;
          const segments = (req.route?.path ?? req.path).split('/').filter((s: string) => s && !s.startsWith(':') && s !== 'api');
          await this.audit.record({
            action: `http.${req.method.toLowerCase()}`,
            resourceType: (segments[0] ?? 'unknown').replace(/[^a-z0-9_]/gi, '_').toLowerCase(),
            resourceId: params.id ?? null,
            reason: `generic entry for ${route}`,
            before: null,
            after: { params, body: body ?? null },
          });
        }
        return body;
      }),
    );
  }
}
