import type { EntityManager } from 'typeorm';
import type { DomainEventPayloads, MilestoneDeadline } from '@genq/contracts';
import { recordEvent } from '@genq/service-kit';
import type { AgreementSnapshot } from './agreement/snapshot';

/**
 * The agreements service's facts, recorded in its outbox inside the transaction that made
 * them. Ids derive from the record (and, where a fact can recur, from its moment), so a
 * repeated delivery is recognisably the same fact.
 */
export const agreementsEvents = {
  bound: (em: EntityManager, quarterId: string, p: DomainEventPayloads['agreement.bound']) =>
    recordEvent(em, 'agreements', { id: `agreement-bound:${p.versionId}`, type: 'agreement.bound', quarterId, payload: p }),
  reviewed: (em: EntityManager, quarterId: string, p: DomainEventPayloads['agreement.reviewed']) =>
    recordEvent(em, 'agreements', { id: `agreement-reviewed:${p.versionId}`, type: 'agreement.reviewed', quarterId, payload: p }),
  measureStatusChanged: (em: EntityManager, quarterId: string, p: DomainEventPayloads['measure.status_changed']) =>
    recordEvent(em, 'agreements', { id: `measure-status:${p.measureId}:${p.revision}`, type: 'measure.status_changed', quarterId, payload: p }),
  reportSubmitted: (em: EntityManager, quarterId: string, at: Date, p: DomainEventPayloads['report.submitted']) =>
    recordEvent(em, 'agreements', { id: `report:${p.reportId}:submitted:${at.getTime()}`, type: 'report.submitted', quarterId, occurredAt: at, payload: p }),
  reportReviewed: (em: EntityManager, quarterId: string, at: Date, decision: 'accepted' | 'returned', p: DomainEventPayloads['report.returned']) =>
    recordEvent(em, 'agreements', { id: `report:${p.reportId}:${decision}:${at.getTime()}`, type: decision === 'accepted' ? 'report.accepted' : 'report.returned', quarterId, occurredAt: at, payload: p }),
  milestoneReached: (em: EntityManager, quarterId: string, p: DomainEventPayloads['milestone.reached']) =>
    recordEvent(em, 'agreements', { id: `milestone-reached:${p.measureId}:${p.index}`, type: 'milestone.reached', quarterId, payload: p }),
  goalsWorkshopRecorded: (em: EntityManager, quarterId: string, p: DomainEventPayloads['goals_workshop.recorded']) =>
    recordEvent(em, 'agreements', { id: `goals-workshop:${p.workshopId}`, type: 'goals_workshop.recorded', quarterId, payload: p }),
  amendmentProposed: (em: EntityManager, quarterId: string, p: DomainEventPayloads['amendment.proposed']) =>
    recordEvent(em, 'agreements', { id: `amendment:${p.amendmentId}:proposed`, type: 'amendment.proposed', quarterId, payload: p }),
  amendmentConfirmed: (em: EntityManager, quarterId: string, p: DomainEventPayloads['amendment.confirmed']) =>
    recordEvent(em, 'agreements', { id: `amendment:${p.amendmentId}:confirmed:${p.party}`, type: 'amendment.confirmed', quarterId, payload: p }),
  amendmentAccepted: (em: EntityManager, quarterId: string, p: DomainEventPayloads['amendment.accepted']) =>
    recordEvent(em, 'agreements', { id: `amendment:${p.amendmentId}:accepted`, type: 'amendment.accepted', quarterId, payload: p }),
  amendmentRejected: (em: EntityManager, quarterId: string, p: DomainEventPayloads['amendment.rejected']) =>
    recordEvent(em, 'agreements', { id: `amendment:${p.amendmentId}:rejected`, type: 'amendment.rejected', quarterId, payload: p }),
};

/** The process's deadline key of a measure's milestone (1-based position): stable, so its fact finds the deadline. */
export function milestoneKey(measureId: string, index: number): string {
  return `milestone_${measureId}_${index}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

/** The measure milestones of an agreement, keyed stably by measure and position: the process chases them. */
export function milestonesOf(snapshot: AgreementSnapshot): MilestoneDeadline[] {
  return snapshot.goals.flatMap((g) => g.measures.flatMap((m) => m.milestones.map((ms, i) => ({ key: milestoneKey(m.id, i + 1), name: `${m.title}: ${ms.title}`, due: ms.due }))));
}
