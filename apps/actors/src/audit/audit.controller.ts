import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuditPatterns, type AuditExportQuery, type ScopedGet, type ScopedListQuery } from '@genq/contracts';
import { AuditRecordMessage } from '@genq/dto';
import { requireActor } from '../scope/actor';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Appends an entry (one with a `key` once). There is no pattern that changes or removes one. */
  @MessagePattern(AuditPatterns.record)
  record(@Payload() cmd: AuditRecordMessage) {
    return this.audit.recordOnce(cmd);
  }

  @MessagePattern(AuditPatterns.list)
  list(@Payload() query: ScopedListQuery) {
    const { actor, ...rest } = query ?? ({} as ScopedListQuery);
    return this.audit.list(requireActor(actor), rest);
  }

  @MessagePattern(AuditPatterns.get)
  get(@Payload() query: ScopedGet) {
    return this.audit.get(requireActor(query?.actor), String(query?.id ?? ''));
  }

  @MessagePattern(AuditPatterns.export)
  exportBatch(@Payload() query: AuditExportQuery) {
    return this.audit.exportBatch(requireActor(query?.actor), query.filter ?? {}, query.afterId ?? 0);
  }
}
