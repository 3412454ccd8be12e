import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SavedViewPatterns, type Actor } from '@genq/contracts';
import { CreateSavedViewMessage } from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { requireActor } from '../scope/actor';
import { SavedViewsService } from './saved-views.service';

@Controller()
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  /** Views of the caller's role, optionally of one list, optionally only the caller's own. */
  @MessagePattern(SavedViewPatterns.list)
  list(@Payload() q: { actor: Actor; resource?: string; mine?: boolean }) {
    const resource = q?.resource;
    if (resource !== undefined && resource !== null && typeof resource !== 'string') throw invalidFields({ field: 'resource', code: 'validation.isString' });
    if (q?.mine !== undefined && typeof q.mine !== 'boolean') throw invalidFields({ field: 'mine', code: 'validation.isBoolean' });
    return this.views.list(requireActor(q?.actor), resource || undefined, q?.mine === true);
  }

  @MessagePattern(SavedViewPatterns.create)
  create(@Payload() msg: CreateSavedViewMessage) {
    const { actor, ...cmd } = msg;
    return this.views.create(actor, cmd);
  }

  @MessagePattern(SavedViewPatterns.remove)
  remove(@Payload() q: { actor: Actor; id: string }) {
    return this.views.remove(requireActor(q?.actor), String(q?.id ?? ''));
  }
}
