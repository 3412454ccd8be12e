import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, type Actor, type Intervention, type ProcessEventEnvelope } from '@genq/contracts';
import { InterventionDto, ProcessEventDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { requestAuditContext } from '../services/service-clients';
import { operatorOf } from './operator';
import { ProcessService } from './process.service';
import { Returns } from '../openapi/returns';

@ApiTags('process')
@Controller('quarters/:id')
export class ProcessController {
  constructor(private readonly process: ProcessService) {}

  @Get('process')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Full process state from the workflow: phase, every step with status, reminders, pause, stalled reason, interventions' })
  @Returns('ProcessState')
  state(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.process.state(id);
  }

  @Post('interventions')
  @Policy({ roles: ['programme_admin', 'operator'], scope: { quarter: 'params.id' } })
  @HttpCode(200)
  @ApiOkResponse({ description: 'Applied; returns what changed, before and after' })
  @ApiConflictResponse({ description: 'Refused by the process, with the reason (e.g. extending a completed step)' })
  @Returns('InterventionResult')
  intervene(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: InterventionDto, @CurrentActor() actor: Actor) {
    // The workflow records `intervention.<kind>` (reason, before, after) once it has applied it.
    return this.process.intervene(id, { ...dto, operator: operatorOf(actor), audit: requestAuditContext() } as Intervention);
  }

  @Post('events')
  // Only the programme office's Bilanzierung decision is left to report by hand: every other fact has an owning service.
  @Policy({ roles: ['programme_admin'], scope: { quarter: 'params.id' } })
  @HttpCode(200)
  @ApiOkResponse({ description: 'Outcome: applied, or not (duplicate, does not fit) with the reason' })
  @Returns('EventOutcome')
  async event(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ProcessEventDto) {
    // The workflow records `process.<type>` either way: who reported what, and whether the process took it.
    return this.process.report({ ...dto, quarterId: id, audit: requestAuditContext() } as ProcessEventEnvelope);
  }
}
