import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActorsPatterns, type Actor, type NotificationDto, type Page } from '@genq/contracts';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { ServiceClients } from '../services/service-clients';
import { ReturnsList } from '../openapi/returns';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly services: ServiceClients) {}

  @Get()
  // Filtered to the caller's quarters by the actors service.
  @Policy({ roles: ['programme_admin', 'operator'] })
  @ListQueryDocs()
  @ApiOkResponse({ description: 'The notification outbox: every reminder and escalation the process sent' })
  @ReturnsList('NotificationDto')
  async list(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const page = await this.services.send<Page<NotificationDto>>('actors', ActorsPatterns.listNotifications, { ...query, actor });
    return withContentRange(res, 'notifications', query, page);
  }
}
