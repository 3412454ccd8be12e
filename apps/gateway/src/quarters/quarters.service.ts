import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  ActorsPatterns,
  processStateQuery,
  quarterWorkflowId,
  type CreateQuarterResult,
  type ListQuery,
  type Page,
  type ProcessState,
  type QuarterDto,
} from '@genq/contracts';
import type { CreateQuarterDto } from '@genq/dto';
import { ServiceClients } from '../services/service-clients';
import { TEMPORAL_CLIENT } from '../tokens';
import { WorkflowStarter } from './workflow-starter';

export interface QuarterWithProcess extends QuarterDto {
  /** Live state from the quarter's workflow; null when Temporal could not be asked. */
  process: ProcessState | null;
}

@Injectable()
export class QuartersService {
  private readonly logger = new Logger(QuartersService.name);

  constructor(
    private readonly services: ServiceClients,
    private readonly starter: WorkflowStarter,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async create(dto: CreateQuarterDto): Promise<{ quarter: QuarterWithProcess; created: boolean }> {
    const result = await this.services.send<CreateQuarterResult>('actors', ActorsPatterns.createQuarter, dto);
    await this.starter.ensureStarted(result.quarter);
    return { quarter: await this.get(result.quarter.id), created: result.created };
  }

  async get(id: string): Promise<QuarterWithProcess> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, id);
    return { ...quarter, process: await this.liveProcess(quarter) };
  }

  list(query: ListQuery): Promise<Page<QuarterDto>> {
    return this.services.send<Page<QuarterDto>>('actors', ActorsPatterns.listQuarters, query);
  }

  private async liveProcess(quarter: QuarterDto): Promise<ProcessState | null> {
    if (!quarter.workflowStartedAt) return null;
    try {
      return await this.temporal.workflow.getHandle(quarterWorkflowId(quarter.id)).query(processStateQuery);
    } catch (err) {
      this.logger.warn(`process state of quarter ${quarter.id} unavailable: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
