import { ConflictException, Inject, Injectable } from '@nestjs/common';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { problem } from '@genq/service-kit';
import { processRefusalOf, quarterWorkflowId, type EventOutcome, type Intervention, type InterventionResult, type ProcessEventEnvelope, type ProcessState } from '@genq/contracts';
import { interveneUpdate, processStateQuery, reportEventUpdate } from '@genq/contracts/temporal';
import { queryInTime } from '../temporal/engine-errors';
import { TEMPORAL_CLIENT } from '../tokens';

/**
 * The gateway's side of the process: reads a quarter's live state, sends interventions and
 * domain events as validated updates. A workflow's refusal is answered with its problem code
 * and parameters (409 for every refusal of the process catalogue).
 */
@Injectable()
export class ProcessService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  private handle(quarterId: string) {
    return this.temporal.workflow.getHandle(quarterWorkflowId(quarterId));
  }

  async state(quarterId: string): Promise<ProcessState> {
    try {
      return await queryInTime(this.temporal, () => this.handle(quarterId).query(processStateQuery));
    } catch (err) {
      throw this.translate(err, quarterId);
    }
  }

  async intervene(quarterId: string, intervention: Intervention): Promise<InterventionResult> {
    try {
      return await this.handle(quarterId).executeUpdate(interveneUpdate, { args: [intervention] });
    } catch (err) {
      throw this.translate(err, quarterId);
    }
  }

  /** Routes a domain event to its quarter's workflow; a duplicate answers `applied: false`. */
  async report(event: ProcessEventEnvelope): Promise<EventOutcome> {
    try {
      return await this.handle(event.quarterId).executeUpdate(reportEventUpdate, { args: [event] });
    } catch (err) {
      throw this.translate(err, event.quarterId);
    }
  }

  private translate(err: unknown, quarterId: string): unknown {
    if (err instanceof WorkflowUpdateFailedError) {
      const refusal = processRefusalOf(err.cause);
      if (refusal) return problem(refusal.code, refusal.params);
      // A refusal of a worker from before codes (a rolling deployment): its English text as legacy.conflict.
      return new ConflictException({ statusCode: 409, message: err.cause?.message ?? err.message });
    }
    if (err instanceof WorkflowNotFoundError) return problem('quarter.no_process', { quarterId });
    return err;
  }
}
