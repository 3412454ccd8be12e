import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { Person } from '../people/entities/person.entity';
import { ScopeModule } from '../scope/scope.module';
import { Notification } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The notification outbox of reminders and escalations. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, QuarterMembership, Person]), ScopeModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
