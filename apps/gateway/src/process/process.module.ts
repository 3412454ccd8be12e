import { Module } from '@nestjs/common';
import { BatchesController } from './batches.controller';
import { NotificationsController } from './notifications.controller';
import { ProcessController } from './process.controller';
import { ProcessService } from './process.service';

/** The process over HTTP (and the services' event path): live state, interventions, batches, events, the outbox. */
@Module({
  controllers: [ProcessController, BatchesController, NotificationsController],
  providers: [ProcessService],
})
export class ProcessModule {}
