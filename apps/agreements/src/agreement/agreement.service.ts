import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CERTIFICATE_VALID_YEARS,
  type Actor,
  type AgreementVersionDto,
  type CertificateDto,
  type CertificateVerification,
  type PdfDocument,
  type ReviewResult,
  type SignResult,
  type SignatoryRole,
  type SignerDto,
} from '@genq/contracts';
import type { ReviewDecisionDto, SubmitConceptDto } from '@genq/dto';
import { problem } from '@genq/service-kit';
import { auditChange, versionSummary } from '../audit';
import { ConceptService, requireRole } from '../concept/concept.service';
import { checkSigner } from './actor';
import { certificatePdf, zielvereinbarungPdf } from '../documents/pdf';
import { AgreementVersion, Amendment, Certificate, Signature } from '../entities';
import { weakFieldsOf } from '../concept/weak-fields';
import { agreementsEvents, milestonesOf } from '../events';
import { issueCertificate, toCertificateDto } from './certificates';
import { conceptGaps, contentHash, implementationWindow, type AgreementSnapshot } from './snapshot';

/** Signatures without which no version becomes binding. */
const REQUIRED_SIGNATORIES: readonly SignatoryRole[] = ['housing_company', 'municipality'];


/**
 * The Zielvereinbarung: versions snapshotted from the Handlungskonzept, their signatures,
 * the programme office's review and the certificate. Every change runs in one transaction:
 * a refused request leaves the data as it was.
 */
@Injectable()
export class AgreementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly concept: ConceptService,
  ) {}

  /**
   * Snapshots the complete concept as the next version; a version still awaiting signatures
   * is superseded by it. Refused with every gap at once when the concept is incomplete.
   */
  async submit(actor: Actor, quarterId: string, quarterName: string, dto: SubmitConceptDto): Promise<AgreementVersionDto> {
    requireRole(actor, ['partner', 'facilitator', 'programme_admin'], 'submit_concept');
    return this.db.transaction(async (em) => {
      const versions = await this.lockedVersions(em, quarterId);
      const bound = versions.find((v) => v.status === 'binding' || v.status === 'approved');
      if (bound) {
        throw problem('agreement.amend_instead', { number: bound.number, status: bound.status });
      }
      const concept = await this.concept.read(em, quarterId);
      const window = implementationWindow(dto.windowStart ?? new Date().toISOString());
      // The analysis decides which fields are weak: the submitter may add fields, never hide one.
      const weakActionFields = [...new Set([...dto.weakActionFields, ...(await weakFieldsOf(em, quarterId))])];
      const gaps = conceptGaps(concept, weakActionFields, window);
      if (gaps.length > 0) {
        throw problem('concept.incomplete', { count: gaps.length }, gaps);
      }
      const snapshot: AgreementSnapshot = { ...concept, quarterName, weakActionFields: [...weakActionFields].sort(), ...window };
      for (const open of versions.filter((v) => v.status === 'submitted')) {
        open.status = 'superseded';
        await em.save(open);
      }
      const version = em.getRepository(AgreementVersion).create({
        id: randomUUID(),
        quarterId,
        number: versions.reduce((n, v) => Math.max(n, v.number), 0) + 1,
        status: 'submitted',
        contentHash: contentHash(snapshot),
        snapshot,
        submittedBy: actor.userId,
        submittedAt: new Date(),
        bindingAt: null,
        decidedAt: null,
        requiredChanges: null,
      });
      await em.save(version);
      const submitted = await this.toDto(em, version);
      await auditChange(em, { action: 'agreement.submit', resourceType: 'agreement_version', resourceId: submitted.id, quarterId, before: null, after: versionSummary(submitted) });
      return submitted;
    });
  }

  async list(quarterId: string): Promise<AgreementVersionDto[]> {
    const versions = await this.db.getRepository(AgreementVersion).find({ where: { quarterId }, order: { number: 'DESC' } });
    return Promise.all(versions.map((v) => this.toDto(this.db.manager, v)));
  }

  async get(quarterId: string, versionId: string): Promise<AgreementVersionDto> {
    return this.getWith(this.db.manager, quarterId, versionId);
  }

  /** One version, read inside the caller's transaction. */
  async getWith(em: EntityManager, quarterId: string, versionId: string): Promise<AgreementVersionDto> {
    return this.toDto(em, await this.find(em, quarterId, versionId));
  }

  /** A version made by an amendment is signed and accepted through the amendment. */
  private async refuseAmendmentVersion(em: EntityManager, version: AgreementVersion, what: 'sign' | 'accept'): Promise<void> {
    if (await em.getRepository(Amendment).countBy({ versionId: version.id })) {
      throw problem(what === 'sign' ? 'agreement.sign_through_amendment' : 'agreement.accept_through_amendment', { number: version.number });
    }
  }

  /**
   * One organisation signs one version, by a person with signing authority for it. When the
   * housing company and the municipality have both signed, the version is binding.
   */
  async sign(actor: Actor, quarterId: string, versionId: string, signer: SignerDto): Promise<SignResult> {
    return this.db.transaction(async (em) => {
      // An unknown version answers 404 before anything about the signer is said.
      const version = await this.find(em, quarterId, versionId, true);
      checkSigner(actor, signer);
      if (version.status === 'superseded') throw problem('agreement.version_superseded', { number: version.number });
      if (version.status !== 'submitted') throw problem('agreement.version_not_signable', { number: version.number, status: version.status });
      await this.refuseAmendmentVersion(em, version, 'sign');
      const before = versionSummary(await this.toDto(em, version));
      const role = this.signatoryRole(version.snapshot, signer);
      if (!role) throw problem('agreement.not_a_party');
      const signatures = await em.getRepository(Signature).findBy({ versionId });
      if (signatures.some((s) => s.organisationId === signer.organisationId)) throw problem('agreement.already_signed');
      if (REQUIRED_SIGNATORIES.includes(role) && signatures.some((s) => s.role === role)) {
        throw problem('agreement.party_signed', { party: role });
      }
      const signature = em.getRepository(Signature).create({
        id: randomUUID(),
        versionId,
        organisationId: signer.organisationId!,
        organisationName: signer.organisationName ?? signer.organisationId!,
        accountId: signer.accountId,
        role,
        at: new Date(),
      });
      await em.save(signature);
      const roles = new Set([...signatures, signature].map((s) => s.role));
      const becameBinding = REQUIRED_SIGNATORIES.every((r) => roles.has(r));
      if (becameBinding) {
        version.status = 'binding';
        version.bindingAt = signature.at;
        await em.save(version);
        await agreementsEvents.bound(em, quarterId, { versionId });
      }
      const signed = await this.toDto(em, version);
      await auditChange(em, { action: 'agreement.sign', resourceType: 'agreement_version', resourceId: versionId, quarterId, before, after: versionSummary(signed) });
      return { version: signed, becameBinding };
    });
  }

  /** The programme office approves a binding version (and issues the certificate), or sends it back. */
  async review(actor: Actor, quarterId: string, versionId: string, dto: ReviewDecisionDto): Promise<ReviewResult> {
    requireRole(actor, ['programme_admin'], 'review_agreements');
    return this.db.transaction(async (em) => {
      const version = await this.find(em, quarterId, versionId, true);
      if (version.status !== 'binding') {
        throw problem('agreement.version_not_reviewable', { number: version.number, status: version.status });
      }
      await this.refuseAmendmentVersion(em, version, 'accept');
      const before = versionSummary(await this.toDto(em, version));
      const audit = (result: ReviewResult) =>
        auditChange(em, {
          action: `agreement.review.${dto.decision}`,
          resourceType: 'agreement_version',
          resourceId: versionId,
          quarterId,
          reason: dto.requiredChanges ?? null,
          before,
          after: { ...versionSummary(result.version), certificate: result.certificate },
        });
      version.decidedAt = new Date();
      if (dto.decision === 'sent_back') {
        version.status = 'sent_back';
        version.requiredChanges = dto.requiredChanges ?? null;
        await em.save(version);
        await agreementsEvents.reviewed(em, quarterId, {
          versionId,
          decision: 'sent_back',
          ...(dto.requiredChanges ? { requiredChanges: dto.requiredChanges } : {}),
          ...(dto.loopTo ? { loopTo: dto.loopTo } : {}),
          ...(dto.newDue ? { newDue: dto.newDue } : {}),
        });
        const sentBack: ReviewResult = { version: await this.toDto(em, version), certificate: null };
        await audit(sentBack);
        return sentBack;
      }
      version.status = 'approved';
      await em.save(version);
      const signatures = await em.getRepository(Signature).find({ where: { versionId }, order: { at: 'ASC' } });
      const issuedAt = version.decidedAt;
      const certificate = await issueCertificate(em, {
        quarterId,
        quarterName: version.snapshot.quarterName,
        versionId,
        partners: signatures.map((s) => s.organisationName),
        issuedAt,
        // Provisional: the process announces the validity by the programme's calendar (process.certified).
        validUntil: new Date(Date.UTC(issuedAt.getUTCFullYear() + CERTIFICATE_VALID_YEARS, issuedAt.getUTCMonth(), issuedAt.getUTCDate())),
        cycle: 1,
      });
      // With the approval the process starts chasing the measures' milestones.
      await agreementsEvents.reviewed(em, quarterId, { versionId, decision: 'approved', milestones: milestonesOf(version.snapshot) });
      const approved: ReviewResult = { version: await this.toDto(em, version), certificate: toCertificateDto(certificate) };
      await audit(approved);
      return approved;
    });
  }

  /** The quarter's current certificate (the newest). */
  async certificate(quarterId: string): Promise<CertificateDto> {
    const c = await this.db.getRepository(Certificate).findOne({ where: { quarterId }, order: { cycle: 'DESC', issuedAt: 'DESC' } });
    if (!c) throw problem('certificate.not_found', { quarterId });
    return toCertificateDto(c);
  }

  /** Public: anyone holding a certificate may check it; an unknown code tells nothing more. */
  async verify(code: string, now = new Date()): Promise<CertificateVerification> {
    const c = typeof code === 'string' && /^[A-F0-9]{20}$/i.test(code) ? await this.db.getRepository(Certificate).findOneBy({ verificationCode: code.toUpperCase() }) : null;
    if (!c) return { valid: false, reason: 'No certificate has this verification code' };
    const about = { number: c.number, quarterName: c.quarterName, issuedAt: c.issuedAt.toISOString(), validUntil: c.validUntil.toISOString() };
    if (c.expiredAt && c.expiredAt <= now) {
      const reason = c.endedBy === 'withdrawal' ? 'The certificate has ended: the quarter was withdrawn from the programme' : 'The certificate has expired: the Bilanzierung did not renew it';
      return { valid: false, ...about, reason };
    }
    if (c.validUntil <= now) return { valid: false, ...about, reason: 'The certificate has expired' };
    return { valid: true, ...about };
  }

  async agreementPdf(quarterId: string, versionId: string, organisationNames: Record<string, string> = {}): Promise<PdfDocument> {
    const version = await this.find(this.db.manager, quarterId, versionId);
    const signatures = await this.db.getRepository(Signature).find({ where: { versionId }, order: { at: 'ASC' } });
    const pdf = await zielvereinbarungPdf({
      number: version.number,
      status: version.status,
      contentHash: version.contentHash,
      snapshot: version.snapshot,
      signatures: signatures.map((s) => ({ role: s.role, organisationName: s.organisationName, at: s.at.toISOString() })),
      organisationNames: { ...organisationNames, ...Object.fromEntries(signatures.map((s) => [s.organisationId, s.organisationName])) },
    });
    return { filename: `zielvereinbarung-v${version.number}.pdf`, content: pdf.toString('base64') };
  }

  async certificatePdf(quarterId: string): Promise<PdfDocument> {
    const c = await this.certificate(quarterId);
    const pdf = await certificatePdf(c, `/api/certificates/verify/${c.verificationCode}`);
    return { filename: `zertifikat-${c.number}.pdf`, content: pdf.toString('base64') };
  }

  private signatoryRole(snapshot: AgreementSnapshot, signer: SignerDto): SignatoryRole | null {
    return signatoryRoleOf(snapshot, signer);
  }

  /** Versions of a quarter, locked on PostgreSQL so that two submissions cannot both win (SQLite serialises writers). */
  private lockedVersions(em: EntityManager, quarterId: string): Promise<AgreementVersion[]> {
    const qb = em.getRepository(AgreementVersion).createQueryBuilder('v').where('v.quarterId = :quarterId', { quarterId }).orderBy('v.number', 'ASC');
    if (em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  private async find(em: EntityManager, quarterId: string, versionId: string, lock = false): Promise<AgreementVersion> {
    const qb = em.getRepository(AgreementVersion).createQueryBuilder('v').where('v.id = :versionId AND v.quarterId = :quarterId', { versionId, quarterId });
    if (lock && em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const v = await qb.getOne();
    if (!v) throw problem('agreement.version_not_found', { versionId });
    return v;
  }

  private async toDto(em: EntityManager, v: AgreementVersion): Promise<AgreementVersionDto> {
    const signatures = await em.getRepository(Signature).find({ where: { versionId: In([v.id]) }, order: { at: 'ASC' } });
    return {
      id: v.id,
      quarterId: v.quarterId,
      number: v.number,
      status: v.status,
      contentHash: v.contentHash,
      snapshot: v.snapshot,
      submittedBy: v.submittedBy,
      submittedAt: v.submittedAt.toISOString(),
      bindingAt: v.bindingAt?.toISOString() ?? null,
      decidedAt: v.decidedAt?.toISOString() ?? null,
      requiredChanges: v.requiredChanges,
      signatures: signatures.map((s) => ({
        id: s.id,
        versionId: s.versionId,
        organisationId: s.organisationId,
        organisationName: s.organisationName,
        accountId: s.accountId,
        role: s.role,
        at: s.at.toISOString(),
      })),
    };
  }
}

/** Who signs a version for the organisation: the housing company, the municipality, or a partner that owns a measure of it (else nobody). */
export function signatoryRoleOf(snapshot: AgreementSnapshot, signer: Pick<SignerDto, 'organisationId' | 'organisationType'>): SignatoryRole | null {
  if (signer.organisationType === 'housing_company') return 'housing_company';
  if (signer.organisationType === 'municipality') return 'municipality';
  const ownsMeasure = snapshot.goals.some((g) => g.measures.some((m) => m.ownerOrganisationId === signer.organisationId));
  return ownsMeasure ? 'partner' : null;
}
