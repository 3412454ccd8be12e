import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityPatterns, SCOPE_KINDS, type FieldProblemInput, type ScopeKind, type Visibility, type VisibilityQuery } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { requireActor } from './actor';
import { ScopeService } from './scope.service';

@Controller()
export class ScopeController {
  constructor(private readonly scope: ScopeService) {}

  /** The gateway's policy guard asks this before any route that names a record. */
  @MessagePattern(IdentityPatterns.visible)
  visible(@Payload() query: VisibilityQuery): Promise<Visibility> {
    const actor = requireActor(query?.actor);
    const problems: FieldProblemInput[] = [];
    if (!SCOPE_KINDS.includes(query.kind as ScopeKind)) problems.push({ field: 'kind', code: 'validation.isIn', params: { values: SCOPE_KINDS.join(', ') } });
    if (typeof query.id !== 'string' || query.id.length === 0) problems.push({ field: 'id', code: typeof query.id === 'string' ? 'validation.isNotEmpty' : 'validation.isString' });
    else if (query.id.length > 200) problems.push({ field: 'id', code: 'validation.maxLength', params: { max: 200 } });
    if (problems.length > 0) throw invalidFields(...problems);
    return this.scope.visible(actor, query.kind, query.id);
  }
}
