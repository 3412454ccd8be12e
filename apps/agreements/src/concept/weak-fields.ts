import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_CONSUMERS, type ActionFieldId, type DomainEvent, type DomainEventPayloads } from '@genq/contracts';
import { ServiceEventBus } from '@genq/service-kit';
import { QuarterWeakFields } from '../entities';

/**
 * Keeps the weak action fields of each quarter's analysis, as the analysis service announces
 * them: a submitted Handlungskonzept must answer each one, whatever the submitter names.
 */
@Injectable()
export class WeakFieldsFollower implements OnModuleInit {
  constructor(private readonly bus: ServiceEventBus) {}

  onModuleInit(): void {
    const { durable, subjects } = EVENT_CONSUMERS.agreementsAnalysis;
    this.bus.subscribe({ durable, subjects, apply: (em, event) => this.apply(em, event) });
  }

  async apply(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'analysis.weak_fields_changed') return;
    const p = event.payload as DomainEventPayloads['analysis.weak_fields_changed'];
    const repo = em.getRepository(QuarterWeakFields);
    const known = await repo.findOneBy({ quarterId: event.quarterId });
    if (known && Number(known.revision) > p.revision) return; // an older change arrived late
    await repo.save({ quarterId: event.quarterId, weakActionFields: p.weakActionFields, revision: String(p.revision) });
  }
}

/** The quarter's weak action fields as last announced by the analysis; none while it has none. */
export async function weakFieldsOf(em: EntityManager, quarterId: string): Promise<ActionFieldId[]> {
  return ((await em.getRepository(QuarterWeakFields).findOneBy({ quarterId }))?.weakActionFields ?? []) as ActionFieldId[];
}
