import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_CONSUMERS, type DomainEvent, type DomainEventPayloads } from '@genq/contracts';
import { ServiceEventBus } from '@genq/service-kit';
import { AnalysesService } from './analyses.service';

/**
 * Counts the participation the actors service records (events, participants, network
 * partners) into the quarter's process indicators, from `participation.figures_changed`.
 */
@Injectable()
export class ParticipationIndicatorsFollower implements OnModuleInit {
  constructor(
    private readonly bus: ServiceEventBus,
    private readonly analyses: AnalysesService,
  ) {}

  onModuleInit(): void {
    const { durable, subjects } = EVENT_CONSUMERS.analysisParticipation;
    this.bus.subscribe({ durable, subjects, apply: (em, event) => this.apply(em, event) });
  }

  async apply(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'participation.figures_changed') return;
    await this.analyses.countParticipation(em, event.quarterId, event.payload as DomainEventPayloads['participation.figures_changed']);
  }
}
