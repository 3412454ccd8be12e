import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, type NotificationRequest, type ScopedListQuery } from '@genq/contracts';
import { requireActor } from '../scope/actor';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @MessagePattern(ActorsPatterns.enqueueNotification)
  enqueue(@Payload() req: NotificationRequest) {
    return this.notifications.enqueue(req);
  }

  @MessagePattern(ActorsPatterns.markNotificationSent)
  markSent(@Payload() id: string) {
    return this.notifications.markSent(id);
  }

  @MessagePattern(ActorsPatterns.listNotifications)
  list(@Payload() q: ScopedListQuery) {
    const { actor, ...query } = q ?? ({} as ScopedListQuery);
    return this.notifications.list(requireActor(actor), query);
  }
}
