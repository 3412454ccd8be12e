import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, type ScopedGet, type ScopedListQuery } from '@genq/contracts';
import { UpsertProgrammeMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { ProgrammesService } from './programmes.service';

@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @MessagePattern(ActorsPatterns.upsertProgramme)
  upsert(@Payload() msg: UpsertProgrammeMessage) {
    const { actor, ...dto } = msg;
    return this.programmes.upsert(actor, dto);
  }

  @MessagePattern(ActorsPatterns.getProgramme)
  /** A bare id is the platform asking (e.g. for a calendar); `{ id, actor }` is a user, answered within their scope. */
  get(@Payload() q: string | ScopedGet) {
    if (typeof q === 'string') return this.programmes.get(q);
    return this.programmes.getScoped(requireActor(q?.actor), String(q?.id ?? ''));
  }

  @MessagePattern(ActorsPatterns.listProgrammes)
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.programmes.list(requireActor(actor), query);
  }
}
