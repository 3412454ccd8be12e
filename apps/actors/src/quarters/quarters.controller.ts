import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, type ListQuery, type ProjectProcessStateCommand } from '@genq/contracts';
import { CreateQuarterDto } from '@genq/dto';
import { QuartersService } from './quarters.service';

@Controller()
export class QuartersController {
  constructor(private readonly quarters: QuartersService) {}

  @MessagePattern(ActorsPatterns.createQuarter)
  create(@Payload() dto: CreateQuarterDto) {
    return this.quarters.create(dto);
  }

  @MessagePattern(ActorsPatterns.getQuarter)
  get(@Payload() id: string) {
    return this.quarters.get(id);
  }

  @MessagePattern(ActorsPatterns.listQuarters)
  list(@Payload() query: ListQuery) {
    return this.quarters.list(query);
  }

  @MessagePattern(ActorsPatterns.quartersAwaitingWorkflow)
  awaitingWorkflow(@Payload() olderThanMs: number) {
    return this.quarters.awaitingWorkflow(olderThanMs);
  }

  @MessagePattern(ActorsPatterns.markWorkflowStarted)
  markWorkflowStarted(@Payload() id: string) {
    return this.quarters.markWorkflowStarted(id);
  }

  @MessagePattern(ActorsPatterns.projectProcessState)
  project(@Payload() cmd: ProjectProcessStateCommand) {
    return this.quarters.projectProcessState(cmd);
  }
}
