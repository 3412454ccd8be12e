import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ALL_ROLES,
  KickoffPatterns,
  ParticipationPatterns,
  type Actor,
  type KickoffRecordDto,
  type Page,
  type ParticipationEventDto,
  type ParticipationRecordDto,
  type QuarterDto,
} from '@genq/contracts';
import { CloseParticipationDto, CreateParticipationEventDto, RecordKickoffDto, UpdateQuarterDetailsDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { withContentRange } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { Returns, ReturnsList, ReturnsOptional } from '../openapi/returns';

/** The programme office and the quarter's own partners and facilitators record what happens there. */
const QUARTER_WRITERS = ['programme_admin', 'partner', 'facilitator'] as const;

/** Participation events of a quarter (workshops, surveys, quarter walks, conferences). */
@ApiTags('quarters')
@Controller('quarters/:quarterId/participation-events')
export class ParticipationController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.quarterId' } })
  @ApiOkResponse({ description: 'The events of the quarter, newest first; total in Content-Range' })
  @ReturnsList('ParticipationEventDto', { listQuery: false })
  async list(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const page = await this.services.send<Page<ParticipationEventDto>>('actors', ParticipationPatterns.list, { actor, id: quarterId });
    return withContentRange(res, 'participation-events', {}, page);
  }

  @Post()
  @Policy({ roles: QUARTER_WRITERS, scope: { quarter: 'params.quarterId' } })
  @ApiCreatedResponse({
    description:
      'The event, with participants per age group and their total; the actors service records the new participation figures and the analysis service counts them into participation_events and participants_total',
  })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`, keyed by field (e.g. `participants.18-64`)' })
  @Returns('ParticipationEventDto')
  async create(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: CreateParticipationEventDto, @CurrentActor() actor: Actor) {
    return this.services.send<ParticipationEventDto>('actors', ParticipationPatterns.create, { ...dto, quarterId, actor });
  }
}

/** A quarter's size figures and boundary. */
@ApiTags('quarters')
@Controller('quarters')
export class QuarterDetailsController {
  constructor(private readonly services: ServiceClients) {}

  @Patch(':id')
  @Policy({ roles: QUARTER_WRITERS, scope: { quarter: 'params.id' } })
  @ApiOkResponse({ description: 'The quarter with its new size figures and boundary' })
  @ApiBadRequestResponse({ description: 'Field errors; `boundary` names what is wrong with the GeoJSON' })
  @Returns('QuarterDto')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateQuarterDetailsDto, @CurrentActor() actor: Actor) {
    const { after } = await this.services.send<{ before: QuarterDto; after: QuarterDto }>('actors', ParticipationPatterns.updateQuarterDetails, {
      ...dto,
      quarterId: id,
      actor,
    });
    return after;
  }
}

/** A record not made yet answers 204 No Content (an empty 200 is not JSON). */
function orNoContent<T>(res: Response, record: T | null): T | undefined {
  if (record === null) {
    res.status(204);
    return undefined;
  }
  return record;
}

/**
 * The deliverables that complete Auftakt and Beteiligungsphase (owned by the actors service,
 * which tells the process through the event stream).
 */
@ApiTags('process')
@Controller('quarters/:quarterId')
export class StepRecordsController {
  constructor(private readonly services: ServiceClients) {}

  @Get('kickoff')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.quarterId' } })
  @ApiOkResponse({ description: 'The kick-off record' })
  @ApiNoContentResponse({ description: 'The kick-off is not recorded yet' })
  @ReturnsOptional('KickoffRecordDto')
  async kickoff(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return orNoContent(res, await this.services.send<KickoffRecordDto | null>('actors', KickoffPatterns.get, { actor, id: quarterId }));
  }

  @Post('kickoff')
  @Policy({ roles: QUARTER_WRITERS, scope: { quarter: 'params.quarterId' } })
  @ApiCreatedResponse({ description: 'The kick-off record: the leads are named for their organisations, the facilitator takes part; the Auftakt step completes' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors` (unknown person, organisation not taking part, date in the future)' })
  @ApiConflictResponse({ description: 'The kick-off is recorded already' })
  @Returns('KickoffRecordDto')
  recordKickoff(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: RecordKickoffDto, @CurrentActor() actor: Actor) {
    return this.services.send<KickoffRecordDto>('actors', KickoffPatterns.record, { ...dto, quarterId, actor });
  }

  @Get('participation-record')
  @Policy({ roles: ALL_ROLES, scope: { quarter: 'params.quarterId' } })
  @ApiOkResponse({ description: 'The participation record' })
  @ApiNoContentResponse({ description: 'The participation phase is open (no record yet)' })
  @ReturnsOptional('ParticipationRecordDto')
  async participationRecord(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return orNoContent(res, await this.services.send<ParticipationRecordDto | null>('actors', ParticipationPatterns.record, { actor, id: quarterId }));
  }

  @Post('participation-record')
  @Policy({ roles: QUARTER_WRITERS, scope: { quarter: 'params.quarterId' } })
  @ApiCreatedResponse({ description: 'The participation phase is closed with its proposals; the Beteiligungsphase step completes' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`' })
  @ApiConflictResponse({ description: 'Closed already, or no participation event recorded yet' })
  @Returns('ParticipationRecordDto')
  closeParticipation(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: CloseParticipationDto, @CurrentActor() actor: Actor) {
    return this.services.send<ParticipationRecordDto>('actors', ParticipationPatterns.close, { ...dto, quarterId, actor });
  }
}
