import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PeoplePatterns, type ScopedGet, type ScopedListQuery } from '@genq/contracts';
import { CreatePersonMessage, UpdatePersonMessage } from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { requireActor } from '../scope/actor';
import { PeopleService } from './people.service';

@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @MessagePattern(PeoplePatterns.create)
  create(@Payload() msg: CreatePersonMessage) {
    const { actor, ...cmd } = msg;
    return this.people.create(actor, cmd);
  }

  @MessagePattern(PeoplePatterns.update)
  update(@Payload() msg: UpdatePersonMessage) {
    const { actor, id, ...cmd } = msg;
    return this.people.update(actor, id, cmd);
  }

  @MessagePattern(PeoplePatterns.get)
  get(@Payload() q: ScopedGet) {
    return this.people.get(requireActor(q?.actor), String(q?.id ?? ''));
  }

  @MessagePattern(PeoplePatterns.list)
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.people.list(requireActor(actor), query);
  }

  /** The gateway's signer asks this for the signed-in account; no actor, as it decides what the actor may do. */
  @MessagePattern(PeoplePatterns.ofAccount)
  ofAccount(@Payload() q: { accountId?: unknown }) {
    if (typeof q?.accountId !== 'string' || q.accountId.length === 0 || q.accountId.length > 36) throw invalidFields({ field: 'accountId', code: 'validation.isString' });
    return this.people.ofAccount(q.accountId);
  }
}
