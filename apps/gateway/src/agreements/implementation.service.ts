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
    private readonly agreements: AgreementsGatewayService,
  ) {}

  async createReport(actor: Actor, quarterId: string, dto: CreateAnnualReportDto): Promise<AnnualReportDto> {
    const { after } = await this.services.send<ReportChange>('agreements', P.createReport, { ...dto, quarterId, actor });
    return after;
  }

  async updateReport(actor: Actor, quarterId: string, reportId: string, dto: AnnualReportContentDto): Promise<AnnualReportDto> {
    const { after } = await this.services.send<ReportChange>('agreements', P.updateReport, { ...dto, quarterId, reportId, actor });
    return after;
  }

  /** The partners submit; the process counts the year's report as in. */
  async submitReport(actor: Actor, quarterId: string, reportId: string): Promise<AnnualReportDto> {
    const { after } = await this.services.send<ReportChange>('agreements', P.submitReport, { quarterId, reportId, actor });
    return after;
  }

  async reviewReport(actor: Actor, quarterId: string, reportId: string, dto: ReviewAnnualReportDto): Promise<AnnualReportDto> {
    const { after } = await this.services.send<ReportChange>('agreements', P.reviewReport, { ...dto, quarterId, reportId, actor });
    return after;
  }

  async proposeAmendment(actor: Actor, quarterId: string, dto: ProposeAmendmentDto): Promise<AmendmentDto> {
    return this.services.send<AmendmentDto>('agreements', P.proposeAmendment, { ...dto, quarterId, actor });
  }

  /** Signs the amendment's version for the principal's organisation; the process hears each party's confirmation. */
  async signAmendment(actor: Actor, principal: AccountDto, quarterId: string, amendmentId: string): Promise<AmendmentSignResult> {
    return this.services.send<AmendmentSignResult>('agreements', P.signAmendment, {
      actor,
      quarterId,
      amendmentId,
      signer: await this.agreements.signerOf(actor, principal),
    });
  }

  /** The programme office accepts: the amended version is the agreement now. */
  async acceptAmendment(actor: Actor, quarterId: string, amendmentId: string): Promise<AmendmentDto> {
    return this.services.send<AmendmentDto>('agreements', P.acceptAmendment, { quarterId, amendmentId, actor });
  }

  /** The programme office rejects an open amendment: the agreement stays as it was, the process no longer waits for it. */
  async rejectAmendment(actor: Actor, quarterId: string, amendmentId: string, dto: RejectAmendmentDto): Promise<AmendmentDto> {
    return this.services.send<AmendmentDto>('agreements', P.rejectAmendment, { ...dto, quarterId, amendmentId, actor });
  }
}
