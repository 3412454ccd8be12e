import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TaskPatterns, type QuarterNamesQuery, type TasksForActorQuery } from '@genq/contracts';
import { requireActor } from '../scope/actor';
import { TasksService } from './tasks.service';

/** "Meine Aufgaben": the tasks the process read model gives the signed-in person. */
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @MessagePattern(TaskPatterns.actors)
  forActor(@Payload() q: TasksForActorQuery) {
    return this.tasks.forActor(requireActor(q?.actor));
  }

  @MessagePattern(TaskPatterns.quarterNames)
  names(@Payload() q: QuarterNamesQuery) {
    return this.tasks.names(requireActor(q?.actor), q?.ids);
  }
}
