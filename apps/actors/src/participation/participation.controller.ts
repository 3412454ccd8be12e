import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ParticipationPatterns, type ScopedGet } from '@genq/contracts';
import { CloseParticipationMessage, CreateParticipationEventMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { ParticipationService } from './participation.service';

@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @MessagePattern(ParticipationPatterns.create)
  create(@Payload() msg: CreateParticipationEventMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.participation.create(actor, quarterId, cmd);
  }

  @MessagePattern(ParticipationPatterns.close)
  close(@Payload() msg: CloseParticipationMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.participation.close(actor, quarterId, cmd);
  }

  /** Payload: the quarter id as `id`. */
  @MessagePattern(ParticipationPatterns.record)
  record(@Payload() q: ScopedGet) {
    return this.participation.record(requireActor(q?.actor), String(q?.id ?? ''));
  }

  /** Payload: the quarter id as `id`. */
  @MessagePattern(ParticipationPatterns.figures)
  figures(@Payload() q: ScopedGet) {
    return this.participation.figures(requireActor(q?.actor), String(q?.id ?? ''));
  }

  /** Payload: the quarter id as `id`. */
  @MessagePattern(ParticipationPatterns.list)
  list(@Payload() q: ScopedGet) {
    return this.participation.list(requireActor(q?.actor), String(q?.id ?? ''));
  }
}
