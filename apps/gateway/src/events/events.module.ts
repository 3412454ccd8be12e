import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventStreamService } from './event-stream.service';

/** The event streams, read for operators (backlog, dead letters). */
@Module({
  controllers: [EventsController],
  providers: [EventStreamService],
})
export class EventsHttpModule {}
