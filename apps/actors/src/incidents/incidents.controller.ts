import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IncidentsPatterns, type Actor, type IncidentRepairRecord, type IncidentScanReport, type ScopedListQuery } from '@genq/contracts';
import { requireActor } from '../scope/actor';
import { IncidentsService } from './incidents.service';

@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  /** The worker's incident scanner, after each complete scan. */
  @MessagePattern(IncidentsPatterns.report)
  report(@Payload() report: IncidentScanReport) {
    return this.incidents.report(report);
  }

  @MessagePattern(IncidentsPatterns.markNotified)
  markNotified(@Payload() id: string) {
    return this.incidents.markNotified(id);
  }

  @MessagePattern(IncidentsPatterns.recordRepair)
  recordRepair(@Payload() cmd: IncidentRepairRecord) {
    return this.incidents.recordRepair(cmd);
  }

  @MessagePattern(IncidentsPatterns.list)
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.incidents.list(requireActor(actor), query);
  }

  @MessagePattern(IncidentsPatterns.get)
  get(@Payload() q: { actor: Actor; id: string }) {
    return this.incidents.get(requireActor(q?.actor), String(q?.id));
  }

  @MessagePattern(IncidentsPatterns.counts)
  counts(@Payload() q: { actor: Actor }) {
    return this.incidents.counts(requireActor(q?.actor));
  }

  @MessagePattern(IncidentsPatterns.matching)
  matching(@Payload() q: { actor: Actor; filter?: Record<string, unknown> }) {
    return this.incidents.matching(requireActor(q?.actor), q?.filter ?? {});
  }
}
