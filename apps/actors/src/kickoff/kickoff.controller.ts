import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { KickoffPatterns, type ScopedGet } from '@genq/contracts';
import { RecordKickoffMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { KickoffService } from './kickoff.service';

@Controller()
export class KickoffController {
  constructor(private readonly kickoff: KickoffService) {}

  @MessagePattern(KickoffPatterns.record)
  record(@Payload() msg: RecordKickoffMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.kickoff.record(actor, quarterId, cmd);
  }

  @MessagePattern(KickoffPatterns.deliverables)
  deliverables(@Payload() q: { quarterId: string }) {
    return this.kickoff.deliverables(String(q?.quarterId ?? ''));
  }

  /** Payload: the quarter id as `id`. */
  @MessagePattern(KickoffPatterns.get)
  get(@Payload() q: ScopedGet) {
    return this.kickoff.get(requireActor(q?.actor), String(q?.id ?? ''));
  }
}
