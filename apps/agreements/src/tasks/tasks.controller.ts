import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TaskPatterns, type TasksForActorQuery } from '@genq/contracts';
import { requireActor } from '@genq/service-kit';
import { TasksService } from './tasks.service';

/** "Meine Aufgaben": the decisions on agreements, reports and amendments the signed-in person must take. */
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @MessagePattern(TaskPatterns.agreements)
  forActor(@Payload() q: TasksForActorQuery) {
    return this.tasks.forActor(requireActor(q?.actor), q?.quarterIds, q?.signer);
  }
}
