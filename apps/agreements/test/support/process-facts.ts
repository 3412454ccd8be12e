import { DataSource } from 'typeorm';
import { EVENT_CONSUMERS, type DomainEvent } from '@genq/contracts';
import { inboxHandler, type ServiceUnderTest } from '@genq/service-kit';
import { CertificateLifecycle } from '../../src/agreement/certificates';
import { OrganisationMergeFollower } from '../../src/concept/organisation-merges';
import { WeakFieldsFollower } from '../../src/concept/weak-fields';

/** What the process announces on certification (as `process.certified` / `process.cycle_renewed`), applied as its consumer does. */
export async function announceCertified(service: ServiceUnderTest, quarterId: string, cycle: number, { openYears = 3, validUntil = '2030-06-30T00:00:00.000Z' } = {}) {
  const day = 24 * 3600_000;
  const reports = [1, 2, 3].map((year) => ({
    year,
    final: year === 3,
    opensAt: new Date(Date.now() + (year <= openYears ? -day * (4 - year) : day * 365 * year)).toISOString(),
    due: new Date(Date.now() + day * 60 * year).toISOString(),
  }));
  await announce(service, {
    id: `process:${quarterId}:certified:${cycle}`,
    type: cycle === 1 ? 'process.certified' : 'process.cycle_renewed',
    version: 1,
    source: 'process',
    quarterId,
    occurredAt: new Date().toISOString(),
    payload: { cycle, certifiedAt: new Date().toISOString(), validUntil, reports },
  } as DomainEvent);
}

/** Applies an event the way the service's durable consumer of its source does (inbox and change in one transaction). */
export async function announce(service: ServiceUnderTest, event: DomainEvent) {
  const db = service.app.get(DataSource);
  if (event.source === 'analysis') {
    const follower = service.app.get(WeakFieldsFollower);
    await inboxHandler(db, EVENT_CONSUMERS.agreementsAnalysis.durable, (em, e) => follower.apply(em, e))(event);
    return;
  }
  if (event.type === 'organisation.merged') {
    const follower = service.app.get(OrganisationMergeFollower);
    await inboxHandler(db, EVENT_CONSUMERS.agreementsOrganisations.durable, (em, e) => follower.apply(em, e))(event);
    return;
  }
  const lifecycle = service.app.get(CertificateLifecycle);
  await inboxHandler(db, EVENT_CONSUMERS.agreementsCertificates.durable, (em, e) => lifecycle.apply(em, e))(event);
}

