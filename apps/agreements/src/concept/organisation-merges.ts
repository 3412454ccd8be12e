import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_CONSUMERS, type DomainEvent, type DomainEventPayloads } from '@genq/contracts';
import { ServiceEventBus } from '@genq/service-kit';
import { Measure } from '../entities';

/**
 * Follows the programme office's merges of duplicate organisations (`organisation.merged`):
 * measures owned by the duplicate, or naming it as a partner, name the organisation kept.
 * Signatures and the snapshots of submitted versions stay as they were signed and submitted.
 */
@Injectable()
export class OrganisationMergeFollower implements OnModuleInit {
  constructor(private readonly bus: ServiceEventBus) {}

  onModuleInit(): void {
    const { durable, subjects } = EVENT_CONSUMERS.agreementsOrganisations;
    this.bus.subscribe({ durable, subjects, apply: (em, event) => this.apply(em, event) });
  }

  async apply(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'organisation.merged') return;
    const { organisationId, intoId } = event.payload as DomainEventPayloads['organisation.merged'];
    const measures = em.getRepository(Measure);
    await measures.update({ ownerOrganisationId: organisationId }, { ownerOrganisationId: intoId });
    // The partners are a JSON list: the ids that hold the duplicate's are found by their text.
    const naming = await measures.createQueryBuilder('m').where('m.partnerOrganisationIds LIKE :id', { id: `%${organisationId}%` }).getMany();
    for (const m of naming) {
      const partners = [...new Set(m.partnerOrganisationIds.map((id) => (id === organisationId ? intoId : id)))];
      await measures.update({ id: m.id }, { partnerOrganisationIds: partners });
    }
  }
}
