import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, ParticipationPatterns, type Actor, type Page, type ParticipationEventDto, type QuarterDto } from '@genq/contracts';
import { CreateParticipationEventDto, UpdateQuarterDetailsDto } from '@genq/dto';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { withContentRange } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';

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
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateQuarterDetailsDto, @CurrentActor() actor: Actor) {
    const { after } = await this.services.send<{ before: QuarterDto; after: QuarterDto }>('actors', ParticipationPatterns.updateQuarterDetails, {
      ...dto,
      quarterId: id,
      actor,
    });
    return after;
  }
}
