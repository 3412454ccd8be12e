import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_CONSUMERS, type CertificateDto, type DomainEvent, type DomainEventPayloads, type ReportWindow } from '@genq/contracts';
import { ServiceEventBus } from '@genq/service-kit';
import { AgreementVersion, Certificate, Signature } from '../entities';

export const toCertificateDto = (c: Certificate): CertificateDto => ({
  id: c.id,
  number: c.number,
  quarterId: c.quarterId,
  quarterName: c.quarterName,
  versionId: c.versionId,
  partners: c.partners,
  issuedAt: c.issuedAt.toISOString(),
  validUntil: c.validUntil.toISOString(),
  verificationCode: c.verificationCode,
  cycle: c.cycle,
  expiredAt: c.expiredAt?.toISOString() ?? null,
  endedBy: c.endedBy,
  reportWindows: c.reportWindows ?? [],
});

/**
 * Issues a certificate with the next number of its year. `validUntil` is provisional until
 * the process, which owns the programme calendar, announces the certification with its
 * validity (`process.certified`).
 */
export async function issueCertificate(
  em: EntityManager,
  o: { quarterId: string; quarterName: string; versionId: string; partners: string[]; issuedAt: Date; validUntil: Date; cycle: number; reportWindows?: ReportWindow[] },
): Promise<Certificate> {
  const year = o.issuedAt.getUTCFullYear();
  const issuedThisYear = await em.getRepository(Certificate).createQueryBuilder('c').where('c.number LIKE :p', { p: `GENQ-${year}-%` }).getCount();
  const certificate = em.getRepository(Certificate).create({
    id: randomUUID(),
    number: `GENQ-${year}-${String(issuedThisYear + 1).padStart(4, '0')}`,
    expiredAt: null,
    endedBy: null,
    ...o,
    reportWindows: o.reportWindows ?? null,
    // Unguessable, short enough to type from paper: 20 characters of base32-like hex.
    verificationCode: randomBytes(10).toString('hex').toUpperCase(),
  });
  await em.save(certificate);
  return certificate;
}

/**
 * Follows the process's certification decisions, so that the certificate, its PDF and the
 * public verification say what the process decided: the validity of the programme's
 * calendar, a renewed certificate for every new cycle, and the expiry after a Bilanzierung.
 */
@Injectable()
export class CertificateLifecycle implements OnModuleInit {
  private readonly logger = new Logger(CertificateLifecycle.name);

  constructor(private readonly bus: ServiceEventBus) {}

  onModuleInit(): void {
    const { durable, subjects } = EVENT_CONSUMERS.agreementsCertificates;
    this.bus.subscribe({ durable, subjects, apply: (em, event) => this.apply(em, event) });
  }

  async apply(em: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'process.certified':
      case 'process.cycle_renewed':
        return this.certified(em, event.quarterId, event.payload as DomainEventPayloads['process.certified']);
      case 'process.certificate_expired': {
        const { cycle, at } = event.payload as DomainEventPayloads['process.certificate_expired'];
        return this.end(em, await em.getRepository(Certificate).findOne({ where: { quarterId: event.quarterId, cycle } }), new Date(at), 'bilanzierung');
      }
      case 'process.withdrawn': {
        const { at } = event.payload as DomainEventPayloads['process.withdrawn'];
        // Withdrawn before certification: no certificate, and none will be issued (the process refuses the review).
        return this.end(em, await em.getRepository(Certificate).findOne({ where: { quarterId: event.quarterId }, order: { cycle: 'DESC' } }), new Date(at), 'withdrawal');
      }
      default:
        return; // not about certificates
    }
  }

  private async end(em: EntityManager, certificate: Certificate | null, at: Date, by: 'bilanzierung' | 'withdrawal'): Promise<void> {
    if (!certificate || certificate.expiredAt) return;
    certificate.expiredAt = at;
    certificate.endedBy = by;
    await em.save(certificate);
  }

  private async certified(em: EntityManager, quarterId: string, p: DomainEventPayloads['process.certified']): Promise<void> {
    const certificates = em.getRepository(Certificate);
    const existing = await certificates.findOne({ where: { quarterId, cycle: p.cycle } });
    if (existing) {
      existing.validUntil = new Date(p.validUntil);
      existing.reportWindows = p.reports;
      await em.save(existing);
      return;
    }
    const previous = await certificates.findOne({ where: { quarterId }, order: { cycle: 'DESC' } });
    if (!previous) {
      // The approval (and its certificate) commits before the process hears of it, so a
      // certification without one is a quarter that joined the programme in the
      // implementation phase, certified outside GenQ: there is no certificate to follow.
      this.logger.log(`quarter ${quarterId} is certified by the process (cycle ${p.cycle}) without an agreement here: nothing to follow`);
      return;
    }
    // A renewal: the next cycle's certificate, under the agreement as it stands now.
    const version = await em.getRepository(AgreementVersion).findOne({ where: { quarterId, status: 'approved' }, order: { number: 'DESC' } });
    const signatures = version ? await em.getRepository(Signature).find({ where: { versionId: version.id }, order: { at: 'ASC' } }) : [];
    await issueCertificate(em, {
      quarterId,
      quarterName: previous.quarterName,
      versionId: version?.id ?? previous.versionId,
      partners: signatures.length ? signatures.map((s) => s.organisationName) : previous.partners,
      issuedAt: new Date(p.certifiedAt),
      validUntil: new Date(p.validUntil),
      cycle: p.cycle,
      reportWindows: p.reports,
    });
    this.logger.log(`certificate of cycle ${p.cycle} issued for quarter ${quarterId}`);
  }
}
