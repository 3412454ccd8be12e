import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, ParticipationPatterns, type ProjectProcessStateCommand, type ScopedGet, type ScopedListQuery } from '@genq/contracts';
import { CreateQuarterMessage, UpdateQuarterDetailsMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { QuartersService } from './quarters.service';

@Controller()
export class QuartersController {
  constructor(private readonly quarters: QuartersService) {}

  @MessagePattern(ActorsPatterns.createQuarter)
  create(@Payload() msg: CreateQuarterMessage) {
    const { actor, ...dto } = msg;
    return this.quarters.create(actor, dto);
  }

  @MessagePattern(ParticipationPatterns.updateQuarterDetails)
  updateDetails(@Payload() msg: UpdateQuarterDetailsMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.quarters.updateDetails(actor, quarterId, cmd);
  }

  @MessagePattern(ActorsPatterns.getQuarter)
  /** A bare id is the platform asking; `{ id, actor }` is a user, answered 404 outside their scope. */
  get(@Payload() q: string | ScopedGet) {
    if (typeof q === 'string') return this.quarters.get(q);
    return this.quarters.getScoped(requireActor(q?.actor), String(q?.id ?? ''));
  }

  @MessagePattern(ActorsPatterns.listQuarters)
  /** Always on behalf of a user: the list holds only the quarters in their scope. */
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.quarters.list(requireActor(actor), query);
  }

  @MessagePattern(ActorsPatterns.quartersAwaitingWorkflow)
  awaitingWorkflow(@Payload() olderThanMs: number) {
    return this.quarters.awaitingWorkflow(olderThanMs);
  }

  /** One quarter's id (answers the quarter), or several (the worker's batched confirmations; answers how many were new). */
  @MessagePattern(ActorsPatterns.markWorkflowStarted)
  markWorkflowStarted(@Payload() ids: string | string[]) {
    return Array.isArray(ids) ? this.quarters.markWorkflowsStarted(ids) : this.quarters.markWorkflowStarted(ids);
  }

  @MessagePattern(ActorsPatterns.projectProcessState)
  project(@Payload() cmd: ProjectProcessStateCommand) {
    return this.quarters.projectProcessState(cmd);
  }
}
