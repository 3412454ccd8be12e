import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * The audit log over HTTP, and the AuditService of the few writes that go to Temporal rather
 * than to a service (process interventions, reported process events, batches). Global.
 *
 * There is no generic safety net for writes any more: the services record the entries of
 * their changes themselves (in the transaction of the change), which the gateway cannot see;
 * a catch-all here would be a second, non-atomic write path. The e2e authorisation suite
 * checks that every write route leaves an entry of its own under its request id.
 */
@Global()
@Module({
  controllers: [AuditLogController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
