import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, SavedViewPatterns, type Actor, type FieldProblemInput, type SavedViewChange, type SavedViewDto } from '@genq/contracts';
import { CreateSavedViewDto } from '@genq/dto';
import { invalidFields, listProblem, ProblemException } from '@genq/service-kit';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { parseListQuery } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { DashboardService } from './dashboard.service';
import { Returns, ReturnsList, ReturnsNothing } from '../openapi/returns';

/** The operator dashboard: whoever may list quarters sees the figures of the quarters in their scope. */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Policy({ roles: ALL_ROLES })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON object with any of land, kreis, municipality, housingCompany, programmeId' })
  @ApiQuery({
    name: 'facets',
    required: false,
    enum: ['true', 'false'],
    description: '`false`: without `facets` (load them once from /api/dashboard/facets; at 10,000 quarters they are most of the answer). Default `true`.',
  })
  @ApiOkResponse({ description: 'Counts per phase and step, stalled/overdue/paused, upcoming deadlines, measures per action field and status, certificates' })
  @ApiBadRequestResponse({ description: 'Unknown filter fields, or a `facets` other than true or false, each named under `errors`' })
  @Returns('DashboardDto')
  get(@Query('filter') filter: string | undefined, @Query('facets') facets: string | undefined, @CurrentActor() actor: Actor) {
    const flag: FieldProblemInput[] = facets === undefined || facets === 'true' || facets === 'false' ? [] : [{ field: 'facets', code: 'validation.isBoolean' }];
    let parsed: Record<string, unknown>;
    try {
      parsed = parseListQuery({ filter }).filter ?? {};
    } catch (err) {
      // Every problem at once: the filter's and the flag's.
      if (flag.length > 0 && err instanceof ProblemException) throw listProblem(...(err.errors ?? []), ...flag);
      throw err;
    }
    if (flag.length > 0) throw listProblem(...flag);
    return this.dashboard.get(actor, parsed, { facets: facets !== 'false' });
  }

  @Get('facets')
  @Policy({ roles: ALL_ROLES })
  @ApiOkResponse({ description: 'Distinct Länder, Kreise, municipalities, housing companies and programmes of the quarters in scope' })
  @Returns('DashboardFacets')
  facets(@CurrentActor() actor: Actor) {
    return this.dashboard.facets(actor);
  }
}

/** Saved views of the console's lists, shared with everyone of the same role. */
@ApiTags('saved-views')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  @Policy({ roles: ALL_ROLES })
  @ApiQuery({ name: 'resource', required: false, description: 'Only views of this list, e.g. quarters' })
  @ApiQuery({ name: 'owner', required: false, enum: ['me'], description: 'me: only the caller’s own views (the console’s “Meine Ansichten”)' })
  @ApiOkResponse({ description: 'The views saved by anyone of the caller’s role (or only the caller’s own), by name' })
  @ReturnsList('SavedViewDto', { listQuery: false })
  list(@Query('resource') resource: string | undefined, @Query('owner') owner: string | undefined, @CurrentActor() actor: Actor) {
    if (owner !== undefined && owner !== '' && owner !== 'me') throw invalidFields({ field: 'owner', code: 'validation.isIn', params: { values: 'me' } });
    return this.services.send<SavedViewDto[]>('actors', SavedViewPatterns.list, { actor, resource: resource || undefined, ...(owner === 'me' ? { mine: true } : {}) });
  }

  @Post()
  @Policy({ roles: ALL_ROLES })
  @ApiCreatedResponse({ description: 'The saved view' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors` (name is required)' })
  @ApiConflictResponse({ description: 'The caller has a view of this name for this list already (`saved_view.name_taken`; case and spacing do not count)' })
  @Returns('SavedViewDto')
  async create(@Body() dto: CreateSavedViewDto, @CurrentActor() actor: Actor) {
    const { view } = await this.services.send<SavedViewChange>('actors', SavedViewPatterns.create, { ...dto, actor });
    return view;
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy({ roles: ALL_ROLES })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ description: 'Only its creator or the programme office may delete a view' })
  @ReturnsNothing()
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.services.send<SavedViewChange>('actors', SavedViewPatterns.remove, { actor, id });
  }
}
