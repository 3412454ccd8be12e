import { Injectable } from '@nestjs/common';
import {
  AgreementsMessagePatterns as P,
  type AccountDto,
  type Actor,
  type AmendmentDto,
  type AmendmentSignResult,
  type AnnualReportDto,
  type ReportChange,
} from '@genq/contracts';
import type { AnnualReportContentDto, CreateAnnualReportDto, ProposeAmendmentDto, RejectAmendmentDto, ReviewAnnualReportDto } from '@genq/dto';
import { AuditService } from '../audit/audit.service';
import { ServiceClients } from '../services/service-clients';
import { AgreementsGatewayService } from './agreements.service';

/**
 * The implementation phase over HTTP: annual reports and amendments. The agreements service
 * keeps them, refuses them without a current certificate (never issued, expired or ended by
 * a withdrawal, as the process announced) and records their facts for the process.
 */
@Injectable()
export class ImplementationGatewayService {
  constructor(
    private readonly services: ServiceClients,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsGatewayService,
  ) {}

  async createReport(actor: Actor, quarterId: string, dto: CreateAnnualReportDto): Promise<AnnualReportDto> {
    const { after } = await this.services.send<ReportChange>('agreements', P.createReport, { ...dto, quarterId, actor });
    await this.audit.record({ action: 'report.create', resourceType: 'annual_report', resourceId: after.id, quarterId, before: null, after });
    return after;
  }

  async updateReport(actor: Actor, quarterId: string, reportId: string, dto: AnnualReportContentDto): Promise<AnnualReportDto> {
    const { before, after } = await this.services.send<ReportChange>('agreements', P.updateReport, { ...dto, quarterId, reportId, actor });
    await this.audit.record({ action: 'report.update', resourceType: 'annual_report', resourceId: reportId, quarterId, before, after });
    return after;
  }

  /** The partners submit; the process counts the year's report as in. */
  async submitReport(actor: Actor, quarterId: string, reportId: string): Promise<AnnualReportDto> {
    const { before, after } = await this.services.send<ReportChange>('agreements', P.submitReport, { quarterId, reportId, actor });
    await this.audit.record({ action: 'report.submit', resourceType: 'annual_report', resourceId: reportId, quarterId, before, after });
    return after;
  }

  async reviewReport(actor: Actor, quarterId: string, reportId: string, dto: ReviewAnnualReportDto): Promise<AnnualReportDto> {
    const { before, after } = await this.services.send<ReportChange>('agreements', P.reviewReport, { ...dto, quarterId, reportId, actor });
    await this.audit.record({ action: `report.review.${dto.decision}`, resourceType: 'annual_report', resourceId: reportId, quarterId, reason: dto.remarks ?? null, before, after });
    return after;
  }

  async proposeAmendment(actor: Actor, quarterId: string, dto: ProposeAmendmentDto): Promise<AmendmentDto> {
    const amendment = await this.services.send<AmendmentDto>('agreements', P.proposeAmendment, { ...dto, quarterId, actor });
    await this.audit.record({ action: 'amendment.propose', resourceType: 'amendment', resourceId: amendment.id, quarterId, reason: dto.reason, before: null, after: summary(amendment) });
    return amendment;
  }

  /** Signs the amendment's version for the principal's organisation; the process hears each party's confirmation. */
  async signAmendment(actor: Actor, principal: AccountDto, quarterId: string, amendmentId: string): Promise<AmendmentSignResult> {
    const before = await this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
    const result = await this.services.send<AmendmentSignResult>('agreements', P.signAmendment, {
      actor,
      quarterId,
      amendmentId,
      signer: await this.agreements.signerOf(actor, principal),
    });
    await this.audit.record({ action: 'amendment.sign', resourceType: 'amendment', resourceId: amendmentId, quarterId, before: summary(before), after: summary(result.amendment) });
    return result;
  }

  /** The programme office accepts: the amended version is the agreement now. */
  async acceptAmendment(actor: Actor, quarterId: string, amendmentId: string): Promise<AmendmentDto> {
    const before = await this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
    const amendment = await this.services.send<AmendmentDto>('agreements', P.acceptAmendment, { quarterId, amendmentId, actor });
    await this.audit.record({ action: 'amendment.accept', resourceType: 'amendment', resourceId: amendmentId, quarterId, before: summary(before), after: summary(amendment) });
    return amendment;
  }

  /** The programme office rejects an open amendment: the agreement stays as it was, the process no longer waits for it. */
  async rejectAmendment(actor: Actor, quarterId: string, amendmentId: string, dto: RejectAmendmentDto): Promise<AmendmentDto> {
    const before = await this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
    const amendment = await this.services.send<AmendmentDto>('agreements', P.rejectAmendment, { ...dto, quarterId, amendmentId, actor });
    await this.audit.record({
      action: 'amendment.reject',
      resourceType: 'amendment',
      resourceId: amendmentId,
      quarterId,
      reason: amendment.rejectionReason,
      before: summary(before),
      after: summary(amendment),
    });
    return amendment;
  }
}

/** The audit log keeps an amendment's status, changes and versions, not the whole snapshot. */
function summary(a: AmendmentDto) {
  return {
    id: a.id,
    status: a.status,
    description: a.description,
    changes: a.changes,
    baseVersionId: a.baseVersionId,
    versionId: a.versionId,
    versionStatus: a.version.status,
    contentHash: a.version.contentHash,
    confirmedBy: a.confirmedBy,
  };
}
