import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AMENDMENT_STATUSES,
  type Actor,
  type AgreementVersionDto,
  type AmendmentChangeRecord,
  type AmendmentDto,
  type AmendmentSignResult,
  type AnnualReportDto,
  type FieldProblemInput,
  type MeasureDto,
  type PdfDocument,
  type ReportChange,
  type SignerDto,
  type VersionHistoryEntry,
} from '@genq/contracts';
import type { AnnualReportContentDto, CreateAnnualReportDto, ProposeAmendmentDto, ReviewAnnualReportDto } from '@genq/dto';
import { invalidFields, problem } from '@genq/service-kit';
import { checkSigner } from '../agreement/actor';
import { AgreementService } from '../agreement/agreement.service';
import { contentHash, type AgreementSnapshot } from '../agreement/snapshot';
import { requireRole, type AgreementsAction } from '../concept/concept.service';
import { annualReportPdf } from '../documents/pdf';
import { amendmentSummary, auditChange } from '../audit';
import { agreementsEvents } from '../events';
import { AgreementVersion, Amendment, AnnualReport, Certificate, Measure, Signature } from '../entities';

type Party = 'housing_company' | 'municipality';
const PARTIES: readonly Party[] = ['housing_company', 'municipality'];
const isActive = (m: MeasureDto) => !(AMENDMENT_STATUSES as readonly string[]).includes(m.status);

const toReportDto = (r: AnnualReport): AnnualReportDto => ({
  id: r.id,
  quarterId: r.quarterId,
  cycle: r.cycle,
  year: r.year,
  versionId: r.versionId,
  versionNumber: r.versionNumber,
  status: r.status,
  measures: r.measures,
  indicators: r.indicators,
  changes: r.changes,
  text: r.text,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  remarks: r.remarks,
});

/**
 * The implementation phase: annual reports (Jahresberichte) against the approved agreement
 * and amendments that create a new agreement version. Both need a certified quarter; every
 * change runs in one transaction, so a refused request leaves the data as it was.
 */
@Injectable()
export class ImplementationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementService,
  ) {}

  // ---- Annual reports ----------------------------------------------------------------

  /** A draft report for one year, with every measure of the approved version and its current status. */
  async createReport(actor: Actor, quarterId: string, dto: CreateAnnualReportDto): Promise<ReportChange> {
    requireRole(actor, ['partner'], 'write_annual_reports');
    return this.db.transaction(async (em) => {
      const version = await this.approvedVersion(em, quarterId, 'file_annual_report');
      const cycle = await this.reportCycle(em, quarterId, dto.year, 'file_annual_report');
      if (await em.getRepository(AnnualReport).findOneBy({ quarterId, cycle, year: dto.year })) {
        throw problem('report.exists', { year: dto.year, cycle });
      }
      const live = new Map((await em.getRepository(Measure).findBy({ quarterId })).map((m) => [m.id, m.status]));
      const report = em.getRepository(AnnualReport).create({
        id: randomUUID(),
        quarterId,
        cycle,
        year: dto.year,
        versionId: version.id,
        versionNumber: version.number,
        status: 'draft',
        measures: version.snapshot.goals.flatMap((g) => g.measures.map((m) => ({ measureId: m.id, title: m.title, status: live.get(m.id) ?? m.status, note: null }))),
        indicators: [],
        changes: [],
        text: '',
        createdBy: actor.userId,
        createdAt: new Date(),
        submittedBy: null,
        submittedAt: null,
        reviewedBy: null,
        reviewedAt: null,
        remarks: null,
      });
      this.applyContent(report, dto);
      try {
        await em.save(report);
      } catch (err) {
        // Two first drafts of the same year at once: the unique index decides, the loser hears why.
        if (/unique|duplicate/i.test(String((err as Error).message))) throw problem('report.exists', { year: dto.year, cycle });
        throw err;
      }
      const after = toReportDto(report);
      await auditChange(em, { action: 'report.create', resourceType: 'annual_report', resourceId: after.id, quarterId, before: null, after });
      return { before: null, after };
    });
  }

  async updateReport(actor: Actor, quarterId: string, reportId: string, dto: AnnualReportContentDto): Promise<ReportChange> {
    requireRole(actor, ['partner'], 'write_annual_reports');
    return this.db.transaction(async (em) => {
      const report = await this.findReport(em, quarterId, reportId, true);
      const before = toReportDto(report);
      if (report.status !== 'draft' && report.status !== 'returned') throw problem('report.not_editable', { year: report.year, status: report.status });
      this.applyContent(report, dto);
      await em.save(report);
      const after = toReportDto(report);
      await auditChange(em, { action: 'report.update', resourceType: 'annual_report', resourceId: reportId, quarterId, before, after });
      return { before, after };
    });
  }

  async submitReport(actor: Actor, quarterId: string, reportId: string): Promise<ReportChange> {
    requireRole(actor, ['partner'], 'submit_annual_reports');
    return this.db.transaction(async (em) => {
      const report = await this.findReport(em, quarterId, reportId, true);
      const before = toReportDto(report);
      if (report.status !== 'draft' && report.status !== 'returned') throw problem('report.not_submittable', { year: report.year, status: report.status });
      if ((await this.reportCycle(em, quarterId, report.year, 'submit_annual_report', { submitting: true })) !== report.cycle) {
        throw problem('report.cycle_ended', { year: report.year, cycle: report.cycle });
      }
      if (report.text.trim() === '' && report.indicators.length === 0 && report.changes.length === 0) throw problem('report.empty');
      report.status = 'submitted';
      report.submittedBy = actor.userId;
      report.submittedAt = new Date();
      report.remarks = null;
      await em.save(report);
      await agreementsEvents.reportSubmitted(em, quarterId, report.submittedAt!, { reportId, year: report.year });
      const after = toReportDto(report);
      await auditChange(em, { action: 'report.submit', resourceType: 'annual_report', resourceId: reportId, quarterId, before, after });
      return { before, after };
    });
  }

  /** The programme office accepts a submitted report or returns it with remarks. */
  async reviewReport(actor: Actor, quarterId: string, reportId: string, dto: ReviewAnnualReportDto): Promise<ReportChange> {
    requireRole(actor, ['programme_admin'], 'review_annual_reports');
    return this.db.transaction(async (em) => {
      const report = await this.findReport(em, quarterId, reportId, true);
      const before = toReportDto(report);
      if (report.status !== 'submitted') throw problem('report.not_reviewable', { year: report.year, status: report.status });
      report.status = dto.decision;
      report.reviewedBy = actor.userId;
      report.reviewedAt = new Date();
      report.remarks = dto.remarks ?? null;
      await em.save(report);
      await agreementsEvents.reportReviewed(em, quarterId, report.reviewedAt!, dto.decision, { reportId, year: report.year });
      const after = toReportDto(report);
      await auditChange(em, { action: `report.review.${dto.decision}`, resourceType: 'annual_report', resourceId: reportId, quarterId, reason: dto.remarks ?? null, before, after });
      return { before, after };
    });
  }

  async listReports(quarterId: string): Promise<AnnualReportDto[]> {
    return (await this.db.getRepository(AnnualReport).find({ where: { quarterId }, order: { cycle: 'ASC', year: 'ASC' } })).map(toReportDto);
  }

  async getReport(quarterId: string, reportId: string): Promise<AnnualReportDto> {
    return toReportDto(await this.findReport(this.db.manager, quarterId, reportId));
  }

  async reportPdf(quarterId: string, reportId: string): Promise<PdfDocument> {
    const report = await this.findReport(this.db.manager, quarterId, reportId);
    const version = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: report.versionId });
    const pdf = await annualReportPdf(toReportDto(report), version.snapshot);
    return { filename: `jahresbericht-${report.cycle > 1 ? `z${report.cycle}-` : ''}${report.year}.pdf`, content: pdf.toString('base64') };
  }

  private applyContent(report: AnnualReport, dto: AnnualReportContentDto): void {
    if (dto.measures) {
      const errors: FieldProblemInput[] = [];
      const seen = new Set<string>();
      dto.measures.forEach((m, i) => {
        if (!report.measures.some((r) => r.measureId === m.measureId)) errors.push({ field: `measures.${i}.measureId`, code: 'report.measure_unknown' });
        else if (seen.has(m.measureId)) errors.push({ field: `measures.${i}.measureId`, code: 'report.measure_twice' });
        seen.add(m.measureId);
      });
      if (errors.length > 0) throw invalidFields(...errors);
      const given = new Map(dto.measures.map((m) => [m.measureId, m]));
      report.measures = report.measures.map((r) => {
        const m = given.get(r.measureId);
        return m ? { ...r, status: m.status, note: m.note ?? null } : r;
      });
    }
    if (dto.indicators) report.indicators = dto.indicators.map((i) => ({ key: i.key, value: i.value, goalId: i.goalId ?? null }));
    if (dto.changes) report.changes = dto.changes.map((c) => ({ description: c.description, reason: c.reason }));
    if (dto.text !== undefined) report.text = dto.text;
  }

  /**
   * The implementation cycle reports are filed for: the newest certificate's, as the process
   * renewed it. A certificate the Bilanzierung let expire takes no more reports.
   */
  private async currentCertificate(em: EntityManager, quarterId: string, action: AgreementsAction): Promise<Certificate> {
    const certificate = await em.getRepository(Certificate).findOne({ where: { quarterId }, order: { cycle: 'DESC', issuedAt: 'DESC' } });
    if (!certificate) throw problem('certificate.not_yet_issued', { action });
    if (certificate.endedBy === 'withdrawal') throw problem('certificate.withdrawn', { action });
    if (certificate.expiredAt) throw problem('certificate.expired', { cycle: certificate.cycle, action });
    return certificate;
  }

  /**
   * The cycle an annual report of `year` belongs to: the current certificate's. A draft may
   * be written at any time of the cycle; it is submitted once its reporting year has ended,
   * by the schedule the process announced with the certification (`process.certified`).
   */
  private async reportCycle(em: EntityManager, quarterId: string, year: number, action: AgreementsAction, { submitting = false, now = new Date() } = {}): Promise<number> {
    const certificate = await this.currentCertificate(em, quarterId, action);
    const windows = certificate.reportWindows;
    if (windows && !windows.some((w) => w.year === year)) {
      throw problem('report.year_outside_cycle', { cycle: certificate.cycle, year, years: windows.map((w) => w.year).join(', ') });
    }
    if (!submitting) return certificate.cycle;
    const window = windows?.find((w) => w.year === year);
    if (!window) throw problem('report.schedule_unknown', { cycle: certificate.cycle });
    if (new Date(window.opensAt) > now) {
      throw problem('report.year_not_ended', { year, cycle: certificate.cycle, date: window.opensAt.slice(0, 10) });
    }
    return certificate.cycle;
  }

  private async findReport(em: EntityManager, quarterId: string, reportId: string, lock = false): Promise<AnnualReport> {
    const qb = em.getRepository(AnnualReport).createQueryBuilder('r').where('r.id = :reportId AND r.quarterId = :quarterId', { reportId, quarterId });
    if (lock && em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const r = await qb.getOne();
    if (!r) throw problem('report.not_found', { reportId });
    return r;
  }

  // ---- Amendments ----------------------------------------------------------------------

  /**
   * Applies the changes to the approved version's snapshot as a new version awaiting the
   * signatures of the housing company and the municipality. Replaced and dropped measures
   * stay in the snapshot as `ersetzt` / `entfallen`, so the history reads as it happened.
   */
  async proposeAmendment(actor: Actor, quarterId: string, dto: ProposeAmendmentDto): Promise<AmendmentDto> {
    requireRole(actor, ['partner'], 'propose_amendments');
    return this.db.transaction(async (em) => {
      const base = await this.approvedVersion(em, quarterId, 'amend_agreement', true);
      await this.currentCertificate(em, quarterId, 'amend_agreement');
      const open = await em.getRepository(Amendment).findOne({ where: { quarterId, status: In(['proposed', 'confirmed']) } });
      if (open) throw problem('amendment.still_open', { amendmentId: open.id, description: open.description });

      const now = new Date();
      const snapshot: AgreementSnapshot = JSON.parse(JSON.stringify(base.snapshot));
      const measures = new Map(snapshot.goals.flatMap((g) => g.measures.map((m) => [m.id, { goal: g, measure: m }] as const)));
      const errors: FieldProblemInput[] = [];
      const records: AmendmentChangeRecord[] = [];
      const touched = new Set<string>();
      const historyEntry = (status: string) => ({ status, at: now.toISOString(), by: actor.userId, reason: dto.reason });

      dto.changes.forEach((c, i) => {
        if (c.action === 'add') {
          const goal = snapshot.goals.find((g) => g.id === c.goalId);
          if (!goal) return void errors.push({ field: `changes.${i}.goalId`, code: 'amendment.goal_unknown' });
        } else {
          const found = measures.get(c.measureId!);
          if (!found) return void errors.push({ field: `changes.${i}.measureId`, code: 'amendment.measure_unknown' });
          if (!isActive(found.measure)) return void errors.push({ field: `changes.${i}.measureId`, code: 'amendment.measure_inactive', params: { status: found.measure.status } });
          if (touched.has(c.measureId!)) return void errors.push({ field: `changes.${i}.measureId`, code: 'amendment.measure_twice' });
          touched.add(c.measureId!);
        }
        if (c.measure) {
          const start = c.measure.start.slice(0, 10);
          const end = c.measure.end.slice(0, 10);
          if (start < snapshot.windowStart || end > snapshot.windowEnd || start > end) {
            errors.push({ field: `changes.${i}.measure`, code: 'amendment.outside_window', params: { start, end, windowStart: snapshot.windowStart, windowEnd: snapshot.windowEnd } });
          }
        }
      });
      if (errors.length > 0) throw invalidFields(...errors);

      for (const c of dto.changes) {
        const old = c.action === 'add' ? null : measures.get(c.measureId!)!;
        const goal = c.action === 'add' ? snapshot.goals.find((g) => g.id === c.goalId)! : old!.goal;
        if (old) {
          old.measure.status = c.action === 'replace' ? 'ersetzt' : 'entfallen';
          old.measure.statusHistory = [...old.measure.statusHistory, historyEntry(old.measure.status)];
        }
        let added: MeasureDto | null = null;
        if (c.measure) {
          const m = c.measure;
          added = {
            id: randomUUID(),
            quarterId,
            goalId: goal.id,
            title: m.title,
            description: m.description ?? '',
            ownerOrganisationId: m.ownerOrganisationId,
            partnerOrganisationIds: m.partnerOrganisationIds ?? [],
            kind: m.kind,
            targetGroups: m.targetGroups ?? [],
            start: m.start,
            end: m.end,
            milestones: [],
            cost: m.cost ?? null,
            funding: m.funding ?? [],
            status: 'geplant',
            statusHistory: [historyEntry('geplant')],
            createdAt: now.toISOString(),
          };
          goal.measures.push(added);
        }
        records.push({ action: c.action, measureId: old?.measure.id ?? null, goalId: goal.id, newMeasureId: added?.id ?? null, title: added?.title ?? old!.measure.title });
      }
      for (const g of snapshot.goals) {
        if (!g.measures.some(isActive)) throw problem('amendment.goal_without_measure', { goalId: g.id, title: g.title });
      }

      const numbers = await em.getRepository(AgreementVersion).find({ where: { quarterId }, select: { number: true } });
      const version = em.getRepository(AgreementVersion).create({
        id: randomUUID(),
        quarterId,
        number: numbers.reduce((n, v) => Math.max(n, v.number), 0) + 1,
        status: 'submitted',
        contentHash: contentHash(snapshot),
        snapshot,
        submittedBy: actor.userId,
        submittedAt: now,
        bindingAt: null,
        decidedAt: null,
        requiredChanges: null,
      });
      await em.save(version);
      const amendment = em.getRepository(Amendment).create({
        id: randomUUID(),
        quarterId,
        description: dto.description,
        reason: dto.reason,
        status: 'proposed',
        baseVersionId: base.id,
        versionId: version.id,
        changes: records,
        proposedBy: actor.userId,
        proposedAt: now,
        acceptedBy: null,
        acceptedAt: null,
        rejectedBy: null,
        rejectedAt: null,
        rejectionReason: null,
      });
      await em.save(amendment);
      await agreementsEvents.amendmentProposed(em, quarterId, { amendmentId: amendment.id, description: amendment.description });
      const proposed = await this.toAmendmentDto(em, amendment);
      await auditChange(em, { action: 'amendment.propose', resourceType: 'amendment', resourceId: proposed.id, quarterId, reason: dto.reason, before: null, after: amendmentSummary(proposed) });
      return proposed;
    });
  }

  /** The housing company or the municipality confirms the amendment by signing its version. */
  async signAmendment(actor: Actor, quarterId: string, amendmentId: string, signer: SignerDto): Promise<AmendmentSignResult> {
    return this.db.transaction(async (em) => {
      const amendment = await this.findAmendment(em, quarterId, amendmentId, true);
      checkSigner(actor, signer);
      const party: Party | null = signer.organisationType === 'housing_company' || signer.organisationType === 'municipality' ? signer.organisationType : null;
      if (!party) throw problem('amendment.parties_only');
      if (amendment.status !== 'proposed') throw problem('amendment.not_signable', { status: amendment.status });
      const before = amendmentSummary(await this.toAmendmentDto(em, amendment));
      const signatures = await em.getRepository(Signature).findBy({ versionId: amendment.versionId });
      if (signatures.some((s) => s.organisationId === signer.organisationId)) throw problem('amendment.already_signed');
      if (signatures.some((s) => s.role === party)) throw problem('amendment.party_signed', { party });
      const signature = em.getRepository(Signature).create({
        id: randomUUID(),
        versionId: amendment.versionId,
        organisationId: signer.organisationId!,
        organisationName: signer.organisationName ?? signer.organisationId!,
        accountId: signer.accountId,
        role: party,
        at: new Date(),
      });
      await em.save(signature);
      const roles = new Set([...signatures, signature].map((s) => s.role));
      const becameConfirmed = PARTIES.every((p) => roles.has(p));
      if (becameConfirmed) {
        amendment.status = 'confirmed';
        await em.save(amendment);
        await em.getRepository(AgreementVersion).update({ id: amendment.versionId }, { status: 'binding', bindingAt: signature.at });
      }
      await agreementsEvents.amendmentConfirmed(em, quarterId, { amendmentId, party });
      const signed = await this.toAmendmentDto(em, amendment);
      await auditChange(em, { action: 'amendment.sign', resourceType: 'amendment', resourceId: amendmentId, quarterId, before, after: amendmentSummary(signed) });
      return { amendment: signed, party, becameConfirmed };
    });
  }

  /**
   * The programme office accepts a confirmed amendment: its version becomes the approved
   * agreement, the previous one is superseded (and stays readable), and the quarter's
   * measures follow: replaced and dropped ones change status, new ones are added.
   */
  async acceptAmendment(actor: Actor, quarterId: string, amendmentId: string): Promise<AmendmentDto> {
    requireRole(actor, ['programme_admin'], 'accept_amendments');
    return this.db.transaction(async (em) => {
      const amendment = await this.findAmendment(em, quarterId, amendmentId, true);
      if (amendment.status !== 'confirmed') {
        throw problem('amendment.not_acceptable', { status: amendment.status });
      }
      const before = amendmentSummary(await this.toAmendmentDto(em, amendment));
      const now = new Date();
      const versions = em.getRepository(AgreementVersion);
      const version = await versions.findOneByOrFail({ id: amendment.versionId });
      await versions.update({ id: amendment.baseVersionId }, { status: 'superseded' });
      version.status = 'approved';
      version.decidedAt = now;
      await versions.save(version);
      const byId = new Map(version.snapshot.goals.flatMap((g) => g.measures).map((m) => [m.id, m]));
      const measures = em.getRepository(Measure);
      for (const c of amendment.changes) {
        if (c.measureId) {
          const live = await measures.findOneBy({ id: c.measureId, quarterId });
          const after = byId.get(c.measureId)!;
          if (live) {
            live.status = after.status;
            live.statusHistory = [...live.statusHistory, after.statusHistory[after.statusHistory.length - 1]!];
            await measures.save(live);
          }
        }
        if (c.newMeasureId) {
          const m = byId.get(c.newMeasureId)!;
          await measures.save(
            measures.create({ ...m, cost: m.cost === null ? null : String(m.cost), createdAt: new Date(m.createdAt) }),
          );
        }
      }
      amendment.status = 'accepted';
      amendment.acceptedBy = actor.userId;
      amendment.acceptedAt = now;
      await em.save(amendment);
      await agreementsEvents.amendmentAccepted(em, quarterId, { amendmentId, versionId: amendment.versionId });
      const accepted = await this.toAmendmentDto(em, amendment);
      await auditChange(em, { action: 'amendment.accept', resourceType: 'amendment', resourceId: amendmentId, quarterId, before, after: amendmentSummary(accepted) });
      return accepted;
    });
  }

  /**
   * The programme office rejects an open amendment, proposed or confirmed, with a reason.
   * The agreement stays as it was: the approved version remains approved, the live measures
   * keep their statuses, and the amendment's own version is marked sent back, so a version
   * the partners had signed never becomes the agreement. The next amendment may follow.
   */
  async rejectAmendment(actor: Actor, quarterId: string, amendmentId: string, reason: string): Promise<AmendmentDto> {
    requireRole(actor, ['programme_admin'], 'reject_amendments');
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why === '') throw invalidFields({ field: 'reason', code: 'validation.required' });
    return this.db.transaction(async (em) => {
      const amendment = await this.findAmendment(em, quarterId, amendmentId, true);
      if (amendment.status !== 'proposed' && amendment.status !== 'confirmed') {
        throw problem('amendment.not_rejectable', { status: amendment.status });
      }
      const before = amendmentSummary(await this.toAmendmentDto(em, amendment));
      const now = new Date();
      await em.getRepository(AgreementVersion).update({ id: amendment.versionId }, { status: 'sent_back', decidedAt: now, requiredChanges: why });
      amendment.status = 'rejected';
      amendment.rejectedBy = actor.userId;
      amendment.rejectedAt = now;
      amendment.rejectionReason = why;
      await em.save(amendment);
      await agreementsEvents.amendmentRejected(em, quarterId, { amendmentId, reason: why });
      const rejected = await this.toAmendmentDto(em, amendment);
      await auditChange(em, { action: 'amendment.reject', resourceType: 'amendment', resourceId: amendmentId, quarterId, reason: why, before, after: amendmentSummary(rejected) });
      return rejected;
    });
  }

  async listAmendments(quarterId: string): Promise<AmendmentDto[]> {
    const rows = await this.db.getRepository(Amendment).find({ where: { quarterId }, order: { proposedAt: 'DESC' } });
    return Promise.all(rows.map((a) => this.toAmendmentDto(this.db.manager, a)));
  }

  async getAmendment(quarterId: string, amendmentId: string): Promise<AmendmentDto> {
    return this.toAmendmentDto(this.db.manager, await this.findAmendment(this.db.manager, quarterId, amendmentId));
  }

  /** Every version, oldest first, with the amendment that made it. */
  async history(quarterId: string): Promise<VersionHistoryEntry[]> {
    const versions = await this.db.getRepository(AgreementVersion).find({ where: { quarterId }, order: { number: 'ASC' } });
    const amendments = new Map((await this.db.getRepository(Amendment).findBy({ quarterId })).map((a) => [a.versionId, a]));
    const signatures = versions.length ? await this.db.getRepository(Signature).find({ where: { versionId: In(versions.map((v) => v.id)) }, order: { at: 'ASC' } }) : [];
    return versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      contentHash: v.contentHash,
      submittedAt: v.submittedAt.toISOString(),
      decidedAt: v.decidedAt?.toISOString() ?? null,
      amendmentId: amendments.get(v.id)?.id ?? null,
      amendmentDescription: amendments.get(v.id)?.description ?? null,
      measureCount: v.snapshot.goals.reduce((n, g) => n + g.measures.filter(isActive).length, 0),
      signatures: signatures.filter((s) => s.versionId === v.id).map((s) => ({ role: s.role, organisationName: s.organisationName, at: s.at.toISOString() })),
    }));
  }

  /** The quarter's approved version; refused with 409 before certification. */
  private async approvedVersion(em: EntityManager, quarterId: string, action: AgreementsAction, lock = false): Promise<AgreementVersion> {
    const certified = await em.getRepository(Certificate).countBy({ quarterId });
    if (certified === 0) throw problem('agreement.not_certified', { action });
    const qb = em.getRepository(AgreementVersion).createQueryBuilder('v').where('v.quarterId = :quarterId AND v.status = :status', { quarterId, status: 'approved' });
    if (lock && em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const version = await qb.getOne();
    if (!version) throw problem('agreement.no_approved_version', { action });
    return version;
  }

  private async findAmendment(em: EntityManager, quarterId: string, amendmentId: string, lock = false): Promise<Amendment> {
    const qb = em.getRepository(Amendment).createQueryBuilder('a').where('a.id = :amendmentId AND a.quarterId = :quarterId', { amendmentId, quarterId });
    if (lock && em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    const a = await qb.getOne();
    if (!a) throw problem('amendment.not_found', { amendmentId });
    return a;
  }

  private async toAmendmentDto(em: EntityManager, a: Amendment): Promise<AmendmentDto> {
    const version: AgreementVersionDto = await this.agreements.getWith(em, a.quarterId, a.versionId);
    return {
      id: a.id,
      quarterId: a.quarterId,
      description: a.description,
      reason: a.reason,
      status: a.status,
      baseVersionId: a.baseVersionId,
      versionId: a.versionId,
      changes: a.changes,
      proposedBy: a.proposedBy,
      proposedAt: a.proposedAt.toISOString(),
      confirmedBy: version.signatures.map((s) => s.role).filter((r): r is Party => r === 'housing_company' || r === 'municipality'),
      acceptedBy: a.acceptedBy,
      acceptedAt: a.acceptedAt?.toISOString() ?? null,
      rejectedBy: a.rejectedBy,
      rejectedAt: a.rejectedAt?.toISOString() ?? null,
      rejectionReason: a.rejectionReason,
      version,
    };
  }
}
