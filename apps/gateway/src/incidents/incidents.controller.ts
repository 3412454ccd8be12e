import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  INCIDENT_REPAIR_WORKFLOW,
  IncidentsPatterns,
  incidentRepairWorkflowId,
  isProblemCode,
  resetPreviewOf,
  workflowTaskFacts,
  type Actor,
  type HistoryEventLine,
  type IncidentCounts,
  type IncidentDto,
  type IncidentRepairInput,
  type IncidentRepairResult,
  type Page,
} from '@genq/contracts';
import { IncidentActionDto } from '@genq/dto';
import { invalidFields, problem } from '@genq/service-kit';
import type { GatewayConfig } from '../config';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients, requestAuditContext } from '../services/service-clients';
import { GATEWAY_CONFIG, TEMPORAL_CLIENT } from '../tokens';
import { Returns, ReturnsList } from '../openapi/returns';

const ROLES = ['programme_admin', 'operator'] as const;
const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;

/** How long a repair call waits for its workflow before it answers 202 with the repair id. */
const WAIT_FOR_REPAIR_MS = 20_000;

/**
 * Technical incidents (issue 18): the list the worker's scanner keeps in the actors service
 * (filtered to the caller's programmes there), and the repair actions, which a repair
 * workflow applies through Temporal's API and records in the audit log.
 */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly services: ServiceClients,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @Policy({ roles: ROLES })
  @ListQueryDocs('JSON, e.g. {"status":"open","kind":"activity","quarterId":"…"}')
  @ApiOkResponse({ description: 'Incidents of your programmes (and of workflows of no programme), oldest failure first; total in Content-Range' })
  @ReturnsList('IncidentDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<IncidentDto>>('actors', IncidentsPatterns.list, { ...query, actor });
    return withContentRange(res, 'incidents', query, page);
  }

  @Get('counts')
  @Policy({ roles: ROLES })
  @ApiOkResponse({ description: 'Open incidents by kind, for the dashboard tile (a cheap count over the incident list)' })
  @Returns('IncidentCounts')
  counts(@CurrentActor() actor: Actor) {
    return this.services.send<IncidentCounts>('actors', IncidentsPatterns.counts, { actor });
  }

  @Get(':id')
  @Policy({ roles: ROLES })
  @ApiOkResponse({ description: 'One incident, with its last repair and how it was resolved' })
  @Returns('IncidentDto')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.services.send<IncidentDto>('actors', IncidentsPatterns.get, { actor, id });
  }

  @Get(':id/reset-preview')
  @Policy({ roles: ROLES })
  @ApiOkResponse({ description: "What a reset would do: the event it goes back to, how many events the fixed code replays, and the events it discards" })
  @Returns('IncidentResetPreview')
  async resetPreview(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    const incident = await this.services.send<IncidentDto>('actors', IncidentsPatterns.get, { actor, id });
    const execution = { workflowId: incident.workflowId, runId: incident.runId };
    const lines: HistoryEventLine[] = [];
    let nextPageToken: Uint8Array | undefined;
    try {
      do {
        const page = await this.temporal.workflowService.getWorkflowExecutionHistory({ namespace: this.config.temporal.namespace, execution, nextPageToken, maximumPageSize: 1000 });
        for (const e of page.history?.events ?? []) {
          const seconds = e.eventTime?.seconds;
          lines.push({
            eventId: Number(String(e.eventId)),
            type: (EventType[e.eventType ?? 0] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, ''),
            at: seconds != null ? new Date(Number(String(seconds)) * 1000).toISOString() : null,
            ...workflowTaskFacts(e, WorkflowTaskFailedCause),
          });
        }
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
    } catch (err) {
      if ((err as { code?: number }).code === 5) throw problem('incident.workflow_gone', { workflowId: incident.workflowId });
      throw err;
    }
    return resetPreviewOf(incident, lines);
  }

  @Post('actions')
  @Policy({ roles: ROLES })
  @HttpCode(200)
  @ApiOkResponse({ description: 'Applied or refused, per incident; 202 with the repair id when it takes longer than 20 s. One incident refused: 409 with the reason' })
  @ApiNotFoundResponse({ description: '`incident.not_found`: no incident with this id in your programmes' })
  @ApiConflictResponse({ description: 'The one incident named was refused, with the reason (e.g. `incident.cancel_only_batches`)' })
  @Returns('IncidentRepairResult', { alsoOn: [202] })
  async act(@Body() dto: IncidentActionDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<IncidentRepairResult> {
    if (Boolean(dto.id) === Boolean(dto.filter)) {
      throw invalidFields({ field: 'id', code: 'incident.ids_or_filter' });
    }
    let incidents: IncidentDto[];
    if (dto.id) {
      const one = await this.services.send<IncidentDto>('actors', IncidentsPatterns.get, { actor, id: dto.id });
      if (one.status !== 'open') throw problem('incident.not_open', { id: one.id });
      incidents = [one];
    } else {
      incidents = await this.services.send<IncidentDto[]>('actors', IncidentsPatterns.matching, { actor, filter: dto.filter });
      if (incidents.length === 0) throw problem('incident.batch_empty', {});
    }
    const repairId = randomUUID();
    const who = requestAuditContext();
    const input: IncidentRepairInput = {
      repairId,
      action: dto.action,
      reason: dto.reason,
      incidents: incidents.map(({ id, key, kind, workflowId, runId, workflowType, activityId, quarterId, programmeId }) => ({
        id,
        key,
        kind,
        workflowId,
        runId,
        workflowType,
        activityId,
        quarterId,
        programmeId,
      })),
      actor: { userId: actor.userId, email: actor.email, role: actor.role },
      audit: who ?? null,
    };
    const handle = await this.temporal.workflow.start(INCIDENT_REPAIR_WORKFLOW, {
      taskQueue: this.config.taskQueue,
      workflowId: incidentRepairWorkflowId(repairId),
      args: [input],
    });
    let timer: NodeJS.Timeout | undefined;
    const pending: IncidentRepairResult = { repairId, action: dto.action, total: incidents.length, applied: 0, refused: 0, failed: 0, results: [] };
    const result = await Promise.race([
      handle.result() as Promise<IncidentRepairResult>,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WAIT_FOR_REPAIR_MS))),
    ]).catch((err: unknown) => {
      if (err instanceof WorkflowFailedError) throw problem('incident.server_refused', { action: dto.action, message: err.cause?.message ?? err.message });
      throw err;
    });
    clearTimeout(timer);
    if (!result) {
      res.status(202);
      return pending;
    }
    // One incident refused: the caller gets the refusal itself.
    const only = result.results[0];
    if (dto.id && only && only.outcome === 'refused' && isProblemCode(only.reasonCode)) throw problem(only.reasonCode, only.reasonParams);
    return result;
  }
}
