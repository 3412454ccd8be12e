import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  AgreementsMessagePatterns as P,
  type AccountDto,
  type Actor,
  type AmendmentDto,
  type AmendmentSignResult,
  type AnnualReportDto,
  type ProcessState,
  type ReportChange,
} from '@genq/contracts';
import type { AnnualReportContentDto, CreateAnnualReportDto, ProposeAmendmentDto, RejectAmendmentDto, ReviewAnnualReportDto } from '@genq/dto';
import { AuditService } from '../audit/audit.service';
import { ProcessService } from '../process/process.service';
import { ServiceClients } from '../services/service-clients';
import { AgreementsGatewayService, type ProcessReport } from './agreements.service';

/**
 * The implementation phase over HTTP: annual reports and amendments. The agreements service
 * keeps them and refuses them before certification; this side refuses them on a withdrawn
 * quarter (the process knows), audits every write and tells the process, with event ids
 * derived from the record so that reporting again is harmless.
 */
@Injectable()
export class ImplementationGatewayService {
  constructor(
    private readonly services: ServiceClients,
    private readonly process: ProcessService,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsGatewayService,
  ) {}

  async createReport(actor: Actor, quarterId: string, dto: CreateAnnualReportDto): Promise<AnnualReportDto> {
    await this.refuseWithdrawn(quarterId, 'file an annual report');
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
  async submitReport(actor: Actor, quarterId: string, reportId: string): Promise<AnnualReportDto & { process: ProcessReport }> {
    await this.refuseWithdrawn(quarterId, 'submit an annual report');
    const { before, after } = await this.services.send<ReportChange>('agreements', P.submitReport, { quarterId, reportId, actor });
    await this.audit.record({ action: 'report.submit', resourceType: 'annual_report', resourceId: reportId, quarterId, before, after });
    const process = await this.agreements.report({ type: 'report_submitted', year: after.year, eventId: `report:${reportId}:submitted`, quarterId });
    return { ...after, process };
  }

  async reviewReport(actor: Actor, quarterId: string, reportId: string, dto: ReviewAnnualReportDto): Promise<AnnualReportDto> {
    const { before, after } = await this.services.send<ReportChange>('agreements', P.reviewReport, { ...dto, quarterId, reportId, actor });
    await this.audit.record({ action: `report.review.${dto.decision}`, resourceType: 'annual_report', resourceId: reportId, quarterId, reason: dto.remarks ?? null, before, after });
    return after;
  }

  async proposeAmendment(actor: Actor, quarterId: string, dto: ProposeAmendmentDto): Promise<AmendmentDto & { process: ProcessReport }> {
    await this.refuseWithdrawn(quarterId, 'amend the Zielvereinbarung');
    const amendment = await this.services.send<AmendmentDto>('agreements', P.proposeAmendment, { ...dto, quarterId, actor });
    await this.audit.record({ action: 'amendment.propose', resourceType: 'amendment', resourceId: amendment.id, quarterId, reason: dto.reason, before: null, after: summary(amendment) });
    const process = await this.agreements.report({
      type: 'amendment_proposed',
      amendmentId: amendment.id,
      description: amendment.description,
      eventId: `amendment:${amendment.id}:proposed`,
      quarterId,
    });
    return { ...amendment, process };
  }

  /** Signs the amendment's version for the principal's organisation; the process hears each party's confirmation. */
  async signAmendment(actor: Actor, principal: AccountDto, quarterId: string, amendmentId: string): Promise<AmendmentSignResult & { process: ProcessReport }> {
    const before = await this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
    const result = await this.services.send<AmendmentSignResult>('agreements', P.signAmendment, {
      actor,
      quarterId,
      amendmentId,
      signer: await this.agreements.signerOf(actor, principal),
    });
    await this.audit.record({ action: 'amendment.sign', resourceType: 'amendment', resourceId: amendmentId, quarterId, before: summary(before), after: summary(result.amendment) });
    const process = await this.agreements.report({ type: 'amendment_confirmed', amendmentId, party: result.party, eventId: `amendment:${amendmentId}:confirmed:${result.party}`, quarterId });
    return { ...result, process };
  }

  /** The programme office accepts: the amended version is the agreement now. */
  async acceptAmendment(actor: Actor, quarterId: string, amendmentId: string): Promise<AmendmentDto & { process: ProcessReport }> {
    const before = await this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
    const amendment = await this.services.send<AmendmentDto>('agreements', P.acceptAmendment, { quarterId, amendmentId, actor });
    await this.audit.record({ action: 'amendment.accept', resourceType: 'amendment', resourceId: amendmentId, quarterId, before: summary(before), after: summary(amendment) });
    const process = await this.agreements.report({ type: 'amendment_accepted', amendmentId, eventId: `amendment:${amendmentId}:accepted`, quarterId });
    return { ...amendment, process };
  }

  /** The programme office rejects an open amendment: the agreement stays as it was, the process no longer waits for it. */
  async rejectAmendment(actor: Actor, quarterId: string, amendmentId: string, dto: RejectAmendmentDto): Promise<AmendmentDto & { process: ProcessReport }> {
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
    const process = await this.agreements.report({
      type: 'amendment_rejected',
      amendmentId,
      reason: amendment.rejectionReason ?? dto.reason,
      eventId: `amendment:${amendmentId}:rejected`,
      quarterId,
    });
    return { ...amendment, process };
  }

  /** A withdrawn quarter takes no more reports or amendments; a quarter without a process is left to the service's own rules. */
  private async refuseWithdrawn(quarterId: string, what: string): Promise<void> {
    let state: ProcessState;
    try {
      state = await this.process.state(quarterId);
    } catch (err) {
      if (err instanceof NotFoundException) return;
      throw err;
    }
    if (state.withdrawn) {
      throw new ConflictException({ statusCode: 409, message: `The quarter was withdrawn from the programme (${state.withdrawn.reason}): you can no longer ${what}` });
    }
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
