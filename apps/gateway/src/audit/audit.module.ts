import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit.controller';

/**
 * The audit log over HTTP (read and export only). The gateway writes no entry of its own:
 * a service records the entry of its change in the change's transaction (`recordAudit`), a
 * quarter's workflow after it applied an intervention or a reported event, a batch's
 * workflow for the batch and its activity per quarter.
 *
 * There is no generic safety net for writes either: the gateway cannot see an entry a
 * service records in its own transaction, so a fallback here would only be a second,
 * non-atomic write path. The e2e authorisation suite checks that every write route leaves an
 * entry of its own under its request id.
 */
@Global()
@Module({
  controllers: [AuditLogController],
})
export class AuditModule {}
