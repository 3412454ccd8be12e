import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, type AccountDto, type Actor } from '@genq/contracts';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { Returns } from '../openapi/returns';
import { TasksGatewayService } from './tasks.service';

/** "Meine Aufgaben": what the signed-in person, or their organisation, must act on. */
@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksGatewayService) {}

  @Get()
  @Policy({ roles: ALL_ROLES })
  @ApiOkResponse({
    description:
      'Open steps and deadlines of the quarters in scope that the caller’s role acts on, stalled quarters for operators and the programme office, and pending decisions (signatures, reviews, amendments); the most urgent first',
  })
  @Returns('TaskList')
  list(@CurrentActor() actor: Actor, @CurrentPrincipal() principal: AccountDto) {
    return this.tasks.list(actor, principal);
  }
}
