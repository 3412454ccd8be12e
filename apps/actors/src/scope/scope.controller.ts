import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityPatterns, SCOPE_KINDS, type ScopeKind, type Visibility, type VisibilityQuery } from '@genq/contracts';
import { rpcError } from '@genq/service-kit';
import { requireActor } from './actor';
import { ScopeService } from './scope.service';

@Controller()
export class ScopeController {
  constructor(private readonly scope: ScopeService) {}

  /** The gateway's policy guard asks this before any route that names a record. */
  @MessagePattern(IdentityPatterns.visible)
  visible(@Payload() query: VisibilityQuery): Promise<Visibility> {
    const actor = requireActor(query?.actor);
    if (!SCOPE_KINDS.includes(query.kind as ScopeKind)) throw rpcError(400, 'Validation failed', { kind: `kind must be one of ${SCOPE_KINDS.join(', ')}` });
    if (typeof query.id !== 'string' || query.id.length === 0 || query.id.length > 200) throw rpcError(400, 'Validation failed', { id: 'id must be a string' });
    return this.scope.visible(actor, query.kind, query.id);
  }
}
