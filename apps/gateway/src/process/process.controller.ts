import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, type Actor, type Intervention, type ProcessEventEnvelope } from '@genq/contracts';
import { InterventionDto, ProcessEventDto } from '@genq/dto';
import { AuditService } from '../audit/audit.service';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { operatorOf } from './operator';
import { ProcessService } from './process.service';

@ApiTags('process')
@Controller('quarters/:id')
export class ProcessController {
  constructor(
    private readonly process: ProcessService,
    private readonly audit: AuditService,
  ) {}

  @Get('process')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'Full process state from the workflow: phase, every step with status, reminders, pause, stalled reason, interventions' })
  state(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.process.state(id);
  }

  @Post('interventions')
  @Policy({ roles: ['programme_admin', 'operator'], scope: { quarter: 'params.id' } })
  @HttpCode(200)
  @ApiOkResponse({ description: 'Applied; returns what changed, before and after' })
  @ApiConflictResponse({ description: 'Refused by the process, with the reason (e.g. extending a completed step)' })
  async intervene(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: InterventionDto, @CurrentActor() actor: Actor) {
    const result = await this.process.intervene(id, { ...dto, operator: operatorOf(actor) } as Intervention);
    await this.audit.record({
      action: `intervention.${dto.kind}`,
      resourceType: 'quarter',
      resourceId: id,
      reason: dto.reason,
      before: result.before,
      after: result.after,
    });
    return result;
  }

  @Post('events')
  // Only the programme office's Bilanzierung decision is left to report by hand: every other fact has an owning service.
  @Policy({ roles: ['programme_admin'], scope: { quarter: 'params.id' } })
  @HttpCode(200)
  @ApiOkResponse({ description: 'Outcome: applied, or not (duplicate, does not fit) with the reason' })
  async event(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ProcessEventDto) {
    const outcome = await this.process.report({ ...dto, quarterId: id } as ProcessEventEnvelope);
    // Recorded either way: who reported what, and whether the process took it.
    await this.audit.record({ action: `process.${dto.type}`, resourceType: 'quarter', resourceId: id, reason: outcome.reason ?? null, after: { event: dto, outcome } });
    return outcome;
  }
}
