import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditAppender } from './audit-appender';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditEntry } from './entities/audit-entry.entity';

/**
 * The append-only audit log: who, when, what, why, before and after, request id. Global:
 * every module of the actors service records the entries of its changes with AuditService.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditService, AuditAppender],
  exports: [AuditService],
})
export class AuditModule {}
