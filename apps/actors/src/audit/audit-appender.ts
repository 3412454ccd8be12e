import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_CONSUMERS } from '@genq/contracts';
import { ServiceEventBus } from '@genq/service-kit';
import { AuditService } from './audit.service';

/**
 * Appends the audit entries the other services record with their changes (`audit.recorded`
 * from every source) to the audit log. The bus applies each event in one transaction with
 * the consumer's inbox, so a duplicate delivery appends nothing.
 */
@Injectable()
export class AuditAppender implements OnModuleInit {
  constructor(
    private readonly bus: ServiceEventBus,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const { durable, subjects } = EVENT_CONSUMERS.actorsAudit;
    this.bus.subscribe({ durable, subjects, apply: (em, event) => this.audit.append(em, event) });
  }
}
