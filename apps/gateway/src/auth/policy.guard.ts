import { HttpException, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { IdentityPatterns, type AccountDto, type FieldProblemCode, type ScopeKind, type Visibility } from '@genq/contracts';
import { invalidFields, problem } from '@genq/service-kit';
import { ServiceClients } from '../services/service-clients';
import { AccessTokens } from './access-tokens';
import { actorOf } from './current-actor';
import { POLICY_KEY, PUBLIC_KEY, type PolicyOptions, type ScopeRef } from './policy';
import { currentRequest, type GatewayRequest, type Principal } from './request-context';
import { verifiedBearer, type ThrottledRequest } from './bearer';
import { PrincipalCache } from './principal-cache';

/** What ids of each kind look like: anything else is refused before it reaches a service, with the field problem's code. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ID_FORMATS: Record<ScopeKind, { pattern: RegExp; code: FieldProblemCode }> = {
  quarter: { pattern: UUID, code: 'validation.isUuid' },
  organisation: { pattern: UUID, code: 'validation.isUuid' },
  person: { pattern: UUID, code: 'validation.isUuid' },
  account: { pattern: UUID, code: 'validation.isUuid' },
  programme: { pattern: /^[a-z0-9][a-z0-9-]{1,98}$/, code: 'programme.id_invalid' },
  audit_entry: { pattern: /^[1-9][0-9]{0,14}$/, code: 'audit_entry.id_invalid' },
};

/**
 * The one gate of every HTTP route, in this order:
 * 1. the route must declare a policy or be public, else it is refused (fail closed);
 * 2. a valid access token whose session still holds, else 401;
 * 3. the caller's role must be among the policy's roles, else 403;
 * 4. every record the request names must lie in the caller's scope, else 404
 *    (or 400 "unknown" for a body field), exactly as if it did not exist.
 * Lists are filtered by the services themselves; writes are checked there again.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly services: ServiceClients,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Message handlers of the internal transport are not HTTP routes: services call them.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const policy = this.reflector.getAllAndOverride<PolicyOptions | undefined>(POLICY_KEY, targets);
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    if (!policy) {
      this.logger.error(`${req.method} ${req.route?.path ?? req.path} declares no access policy; refused`);
      throw problem('route.no_policy');
    }

    const principal = await this.authenticate(req, context.switchToHttp().getResponse<Response>());
    req.principal = principal;
    const ctx = currentRequest();
    if (ctx) ctx.principal = principal;

    if (!policy.roles.includes(principal.role)) {
      throw problem('role.not_allowed', { role: principal.role });
    }
    await this.checkScope(policy, req, principal);
    return true;
  }

  private async authenticate(req: ThrottledRequest, res: Response): Promise<Principal> {
    const refuse = (error: string): never => {
      res.setHeader('WWW-Authenticate', `Bearer realm="genq", error="${error}"`);
      throw problem('auth.required');
    };
    // The rate limit verified the token already to pick the user's budget: the same answer, verified once.
    const bearer = await verifiedBearer(this.tokens, req);
    if (!bearer) return refuse('invalid_request');
    const subject = bearer.subject;
    if (!subject) return refuse('invalid_token');
    try {
      return subject.kind === 'local'
        ? await this.principals.resolve(`local:${subject.accountId}:${subject.sessionId}`, () =>
            this.services.send<AccountDto>('actors', IdentityPatterns.resolvePrincipal, { accountId: subject.accountId, sessionId: subject.sessionId }),
          )
        : await this.principals.resolve(`oidc:${subject.issuer}:${subject.subject}:${subject.email}`, () => this.services.send<AccountDto>('actors', IdentityPatterns.resolveExternalPrincipal, subject));
    } catch (err) {
      // A revoked session or a disabled account; anything else (503) passes through.
      if (err instanceof HttpException && err.getStatus() === 401) return refuse('invalid_token');
      throw err;
    }
  }

  private async checkScope(policy: PolicyOptions, req: GatewayRequest, principal: Principal): Promise<void> {
    const ctx = currentRequest();
    for (const [kind, ref] of Object.entries(policy.scope ?? {}) as [ScopeKind, ScopeRef][]) {
      const [source, field] = splitRef(ref);
      const raw = (req[source] as Record<string, unknown> | undefined)?.[field];
      const id = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined;
      const format = ID_FORMATS[kind];
      if (source === 'params') {
        if (id === undefined || !format.pattern.test(id)) {
          throw invalidFields({ field, code: format.code });
        }
      } else if (id === undefined) {
        continue; // absent or not a string: the body's validation answers with the field's message
      }
      const v: Visibility = format.pattern.test(id)
        ? await this.services.send<Visibility>('actors', IdentityPatterns.visible, { actor: actorOf(principal), kind, id })
        : { visible: false, exists: false };
      if (!v.visible && !(policy.mayCreate && !v.exists)) {
        if (source === 'params') throw problem(`${kind}.not_found`, { id });
        throw invalidFields({ field, code: `${kind}.unknown`, params: { id } });
      }
      if (ctx && v.visible) {
        if (v.programmeId !== undefined) ctx.programmeId = v.programmeId;
        if (v.quarterId) ctx.quarterId = v.quarterId;
      }
    }
  }
}

function splitRef(ref: ScopeRef): ['params' | 'body' | 'query', string] {
  const dot = ref.indexOf('.');
  return [ref.slice(0, dot) as 'params' | 'body' | 'query', ref.slice(dot + 1)];
}
