import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrganisationsPatterns, type ScopedGet, type ScopedListQuery } from '@genq/contracts';
import { AddMembershipMessage, CreateOrganisationMessage, MergeOrganisationMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { OrganisationsService } from './organisations.service';

@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @MessagePattern(OrganisationsPatterns.create)
  create(@Payload() msg: CreateOrganisationMessage) {
    const { actor, ...cmd } = msg;
    return this.organisations.create(actor, cmd);
  }

  @MessagePattern(OrganisationsPatterns.get)
  get(@Payload() q: ScopedGet) {
    return this.organisations.get(requireActor(q?.actor), String(q?.id ?? ''));
  }

  @MessagePattern(OrganisationsPatterns.list)
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.organisations.list(requireActor(actor), query);
  }

  @MessagePattern(OrganisationsPatterns.merge)
  merge(@Payload() msg: MergeOrganisationMessage) {
    const { actor, id, ...cmd } = msg;
    return this.organisations.merge(actor, id, cmd);
  }

  @MessagePattern(OrganisationsPatterns.addMembership)
  addMembership(@Payload() msg: AddMembershipMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.organisations.addMembership(actor, quarterId, cmd);
  }

  /** Payload: the quarter id as `id`. */
  @MessagePattern(OrganisationsPatterns.listMemberships)
  listMemberships(@Payload() q: ScopedGet) {
    return this.organisations.listMemberships(requireActor(q?.actor), String(q?.id ?? ''));
  }
}
