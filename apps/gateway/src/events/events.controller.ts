import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActorsPatterns, type Actor, type DeadLetterDto, type Page, type QuarterDto } from '@genq/contracts';
import { CurrentActor } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ListQueryDocs, parseListQuery, withContentRange, type RawListParams } from '../common/list-query';
import { MAX_PAGE_SIZE } from '@genq/service-kit';
import { ServiceClients } from '../services/service-clients';
import { EventStreamService } from './event-stream.service';
import { Returns, ReturnsList } from '../openapi/returns';

@ApiTags('events')
@Controller()
export class EventsController {
  constructor(
    private readonly stream: EventStreamService,
    private readonly services: ServiceClients,
  ) {}

  @Get('events/status')
  @Policy({ roles: ['programme_admin', 'operator'] })
  @ApiOkResponse({ description: 'The event streams: messages per stream, each consumer’s backlog (pending, unacknowledged, redelivered), the number of dead letters' })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
  @Returns('EventStreamStatus')
  status() {
    return this.stream.status();
  }

  @Get('dead-letters')
  @Policy({ roles: ['programme_admin', 'operator'] })
  @ListQueryDocs()
  @ApiOkResponse({ description: 'Events a consumer gave up on, newest first: the caller’s quarters, and letters that name no quarter' })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
  @ReturnsList('DeadLetterDto')
  async deadLetters(@Query() params: RawListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(params);
    const letters = (await this.stream.deadLetters()).reverse().map((l): DeadLetterDto => {
      const event = 'id' in l.event ? l.event : null;
      return { id: String(l.seq), consumer: l.consumer, subject: l.subject, eventId: event?.id ?? null, eventType: event?.type ?? null, quarterId: event?.quarterId ?? null, error: l.error, deliveries: l.deliveries, failedAt: l.failedAt };
    });
    // A letter about a quarter is shown only to those who may see the quarter.
    const named = [...new Set(letters.map((l) => l.quarterId).filter((q): q is string => q !== null))];
    const visible = new Set<string>();
    // In pages: a list query spans at most MAX_PAGE_SIZE entries.
    for (let i = 0; i < named.length; i += MAX_PAGE_SIZE) {
      const ids = named.slice(i, i + MAX_PAGE_SIZE);
      const page = await this.services.send<Page<QuarterDto>>('actors', ActorsPatterns.listQuarters, { actor, filter: { id: ids }, range: { start: 0, end: ids.length - 1 } });
      for (const q of page.data) visible.add(q.id);
    }
    const shown = letters.filter((l) => l.quarterId === null || visible.has(l.quarterId));
    const start = query.range?.start ?? 0;
    const end = query.range?.end ?? start + 24;
    return withContentRange(res, 'dead-letters', { ...query, range: { start, end } }, { data: shown.slice(start, end + 1), total: shown.length });
  }
}
