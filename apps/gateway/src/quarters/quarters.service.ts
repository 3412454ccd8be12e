import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  ActorsPatterns,
  quarterWorkflowId,
  type Actor,
  type CreateQuarterResult,
  type ImportQuartersCommand,
  type ListQuery,
  type Page,
  type ProcessState,
  type QuarterDto,
  type QuarterImportResult,
} from '@genq/contracts';
import { processStateQuery } from '@genq/contracts/temporal';
import type { CreateQuarterDto } from '@genq/dto';
import type { QuarterWithProcess } from '../openapi/response-types';
import { ServiceClients } from '../services/service-clients';
import { queryInTime } from '../temporal/engine-errors';
import { TEMPORAL_CLIENT } from '../tokens';

export type { QuarterWithProcess };

@Injectable()
export class QuartersService {
  private readonly logger = new Logger(QuartersService.name);

  constructor(
    private readonly services: ServiceClients,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /**
   * Registers the quarter on the actor's behalf (the service checks role and programme again)
   * and audits it. The one write is actors': its `quarter.registered` event makes the worker
   * start the lifecycle workflow a moment later (until then `workflowStartedAt` and `process` are null).
   * A new quarter is answered from the registration itself: its workflow cannot have started
   * yet, so reading the quarter again or asking Temporal would only cost time (and a query
   * against a workflow that does not exist yet). A repeat is answered as the detail reads.
   */
  async create(actor: Actor, dto: CreateQuarterDto): Promise<{ quarter: QuarterWithProcess; created: boolean }> {
    // The actors service audits the registration (a repeat changes and records nothing).
    const result = await this.services.send<CreateQuarterResult>('actors', ActorsPatterns.createQuarter, { ...dto, actor });
    if (result.created) return { quarter: { ...result.quarter, process: null }, created: true };
    return { quarter: { ...result.quarter, process: await this.liveProcess(result.quarter) }, created: false };
  }

  /**
   * Admits every quarter of a file, or none (actors checks every row and writes them in one
   * transaction); the worker starts their workflows from the events, at its own pace.
   */
  importFile(actor: Actor, file: { csv: string } | { xlsxBase64: string }): Promise<QuarterImportResult> {
    return this.services.send<QuarterImportResult>('actors', ActorsPatterns.importQuarters, { ...file, actor } satisfies ImportQuartersCommand, 60_000);
  }

  /** The import template: CSV text, or the workbook base64-encoded. */
  importTemplate(format: 'csv' | 'xlsx'): Promise<string> {
    return this.services.send<string>('actors', ActorsPatterns.quarterImportTemplate, format);
  }

  /** Within the actor's scope (404 outside it); without an actor, the platform asking. */
  async get(id: string, actor?: Actor): Promise<QuarterWithProcess> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, actor ? { id, actor } : id);
    return { ...quarter, process: await this.liveProcess(quarter) };
  }

  /** Only the quarters in the actor's scope, filtered by the actors service in SQL. */
  list(actor: Actor, query: ListQuery): Promise<Page<QuarterDto>> {
    return this.services.send<Page<QuarterDto>>('actors', ActorsPatterns.listQuarters, { ...query, actor });
  }

  private async liveProcess(quarter: QuarterDto): Promise<ProcessState | null> {
    if (!quarter.workflowStartedAt) return null;
    try {
      return await queryInTime(this.temporal, () => this.temporal.workflow.getHandle(quarterWorkflowId(quarter.id)).query(processStateQuery));
    } catch (err) {
      this.logger.warn(`process state of quarter ${quarter.id} unavailable: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
