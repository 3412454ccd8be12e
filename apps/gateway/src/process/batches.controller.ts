import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { type Actor, ActorsPatterns, BATCH_INTERVENTION_WORKFLOW, batchWorkflowId, type BatchInterventionInput, type Intervention, type Page, type QuarterDto } from '@genq/contracts';
import { batchProgressQuery } from '@genq/contracts/temporal';
import { BatchInterventionDto } from '@genq/dto';
import { parseListQuery, type RawListParams } from '../common/list-query';
import { MAX_PAGE_SIZE, problem } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ServiceClients, requestAuditContext } from '../services/service-clients';
import { queryInTime } from '../temporal/engine-errors';
import { GATEWAY_CONFIG, TEMPORAL_CLIENT } from '../tokens';
import { operatorOf } from './operator';
import { Returns } from '../openapi/returns';

/** The most quarters one batch may touch; a larger set is split by a narrower filter. */
const MAX_BATCH = 5000;
/** Results one progress answer carries without a range: polling costs the same however large the batch. */
export const BATCH_RESULTS_PAGE = 100;

@ApiTags('interventions')
@Controller('interventions/batches')
export class BatchesController {
  constructor(
    private readonly services: ServiceClients,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Every quarter the filter matches, read from the read model page by page. */
  private async matching(actor: Actor, filter: Record<string, unknown>): Promise<QuarterDto[]> {
    const all: QuarterDto[] = [];
    for (let start = 0; ; start += MAX_PAGE_SIZE) {
      const page = await this.services.send<Page<QuarterDto>>('actors', ActorsPatterns.listQuarters, {
        actor,
        filter,
        sort: { field: 'name', order: 'ASC' },
        range: { start, end: start + MAX_PAGE_SIZE - 1 },
      });
      all.push(...page.data);
      if (page.total > MAX_BATCH) {
        const params = { count: page.total, max: MAX_BATCH };
        throw problem('batch.too_broad', params, [{ field: 'filter', code: 'batch.filter_too_broad', params: { max: MAX_BATCH } }]);
      }
      if (all.length >= page.total || page.data.length === 0) return all;
    }
  }

  @Get('preview')
  @Policy({ roles: ['programme_admin', 'operator'], lists: 'quarter' })
  @ApiQuery({ name: 'filter', required: true, description: 'JSON react-admin filter over quarters' })
  @ApiOkResponse({ description: 'How many and which quarters a batch over this filter would touch' })
  @Returns('BatchPreview')
  async preview(@Query() params: RawListParams, @CurrentActor() actor: Actor) {
    const quarters = await this.matching(actor, parseListQuery(params).filter ?? {});
    return {
      total: quarters.length,
      quarters: quarters.map((q) => ({ id: q.id, name: q.name, municipality: q.municipality, phase: q.phase, currentStep: q.currentStep, stalled: q.stalled })),
    };
  }

  @Post()
  @Policy({ roles: ['programme_admin', 'operator'] })
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Batch started; follow it at GET /api/interventions/batches/:id' })
  @Returns('BatchStarted')
  async start(@Body() dto: BatchInterventionDto, @CurrentActor() actor: Actor) {
    const quarters = await this.matching(actor, dto.filter);
    if (quarters.length === 0) {
      throw problem('batch.empty', {}, [{ field: 'filter', code: 'batch.filter_empty' }]);
    }
    const batchId = randomUUID();
    // The workflow records the batch in the audit log, once per programme it touches
    // (programme admins see their programmes' entries); each quarter's intervention is
    // recorded as it is applied.
    const quarterIdsByProgramme: Record<string, string[]> = {};
    for (const q of quarters) (quarterIdsByProgramme[q.programmeId] ??= []).push(q.id);
    const who = requestAuditContext();
    const input: BatchInterventionInput = {
      batchId,
      quarterIds: quarters.map((q) => q.id),
      intervention: { ...dto.intervention, operator: operatorOf(actor) } as Intervention,
      auditActor: { userId: actor.userId, email: actor.email, role: actor.role },
      ...(who ? { audit: { ...who, quarterId: null, quarterIdsByProgramme } } : {}),
      filter: dto.filter,
      requestedAt: new Date().toISOString(),
      parallelism: this.config.batchParallelism,
    };
    await this.temporal.workflow.start(BATCH_INTERVENTION_WORKFLOW, {
      taskQueue: this.config.taskQueue,
      workflowId: batchWorkflowId(batchId),
      args: [input],
    });
    return { id: batchId, total: quarters.length };
  }

  @Get(':id')
  @Policy({ roles: ['programme_admin', 'operator'] })
  @ApiQuery({ name: 'range', required: false, description: `Which per-quarter results, in the order they came in: [start,end] (default [0,${BATCH_RESULTS_PAGE - 1}])` })
  @ApiOkResponse({ description: 'Progress and a page of per-quarter results (applied, or refused and why); resultsStart says where the page starts' })
  @Returns('BatchProgressView')
  async progress(@Param('id', new ParseUUIDPipe()) id: string, @Query('range') rawRange: string | undefined, @CurrentActor() actor: Actor) {
    const notFound = () => problem('batch.not_found', { batchId: id });
    const range = parseListQuery({ range: rawRange }).range ?? { start: 0, end: BATCH_RESULTS_PAGE - 1 };
    try {
      const progress = await queryInTime(this.temporal, () => this.temporal.workflow.getHandle(batchWorkflowId(id)).query(batchProgressQuery, range));
      // A batch is followed by whoever started it; to anyone else it does not exist.
      if (progress.startedBy !== actor.userId) throw notFound();
      // A batch started before results came in pages answers with all of them: page them here.
      const results = progress.resultsStart === undefined ? progress.results.slice(range.start, range.end + 1) : progress.results;
      return { id, ...progress, results, resultsStart: range.start };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound();
      throw err;
    }
  }
}
