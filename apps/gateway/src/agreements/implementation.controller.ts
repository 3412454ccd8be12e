import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ALL_ROLES,
  AgreementsMessagePatterns as P,
  type AccountDto,
  type Actor,
  type AmendmentDto,
  type AnnualReportDto,
  type PdfDocument,
  type VersionHistoryEntry,
} from '@genq/contracts';
import { AnnualReportContentDto, CreateAnnualReportDto, ProposeAmendmentDto, RejectAmendmentDto, ReviewAnnualReportDto } from '@genq/dto';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor';
import { Policy } from '../auth/policy';
import { ServiceClients } from '../services/service-clients';
import { ImplementationGatewayService } from './implementation.service';
import { Returns, ReturnsFile, ReturnsList } from '../openapi/returns';

const QUARTER = { quarter: 'params.quarterId' } as const;
/** The quarter's partners write reports and amendments; the programme office reviews, accepts or rejects. */
const PARTNERS = ['partner'] as const;
const OFFICE = ['programme_admin'] as const;

/** The implementation phase: annual reports (Jahresberichte), amendments and the version history. */
@ApiTags('agreements')
@Controller('quarters/:quarterId')
export class ImplementationController {
  constructor(
    private readonly services: ServiceClients,
    private readonly implementation: ImplementationGatewayService,
  ) {}

  @Get('agreement/history')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'Every version of the Zielvereinbarung, oldest first, with the amendment that made it and its signatures' })
  @ReturnsList('VersionHistoryEntry', { listQuery: false })
  history(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<VersionHistoryEntry[]>('agreements', P.versionHistory, { quarterId });
  }

  @Get('reports')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'The annual reports of the quarter, by year' })
  @ReturnsList('AnnualReportDto', { listQuery: false })
  reports(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<AnnualReportDto[]>('agreements', P.listReports, { quarterId });
  }

  @Post('reports')
  @Policy({ roles: PARTNERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'A draft annual report with every measure of the approved agreement' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`' })
  @ApiConflictResponse({ description: 'Not certified, withdrawn, or the year has a report already' })
  @Returns('AnnualReportDto')
  createReport(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: CreateAnnualReportDto, @CurrentActor() actor: Actor) {
    return this.implementation.createReport(actor, quarterId, dto);
  }

  @Get('reports/:reportId')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @Returns('AnnualReportDto')
  report(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('reportId', new ParseUUIDPipe()) reportId: string) {
    return this.services.send<AnnualReportDto>('agreements', P.getReport, { quarterId, reportId });
  }

  @Patch('reports/:reportId')
  @Policy({ roles: PARTNERS, scope: QUARTER })
  @ApiOkResponse({ description: 'The draft (or returned) report with the given parts replaced' })
  @ApiConflictResponse({ description: 'The report is submitted or accepted' })
  @Returns('AnnualReportDto')
  updateReport(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('reportId', new ParseUUIDPipe()) reportId: string,
    @Body() dto: AnnualReportContentDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.implementation.updateReport(actor, quarterId, reportId, dto);
  }

  @Post('reports/:reportId/submission')
  @HttpCode(200)
  @Policy({ roles: PARTNERS, scope: QUARTER })
  @ApiOkResponse({ description: 'Submitted; the process hears `report_submitted` for the year' })
  @ApiConflictResponse({ description: 'Not a draft or returned report, empty, or the quarter was withdrawn' })
  @Returns('AnnualReportDto')
  submitReport(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('reportId', new ParseUUIDPipe()) reportId: string, @CurrentActor() actor: Actor) {
    return this.implementation.submitReport(actor, quarterId, reportId);
  }

  @Post('reports/:reportId/review')
  @HttpCode(200)
  @Policy({ roles: OFFICE, scope: QUARTER })
  @ApiOkResponse({ description: 'Accepted, or returned with remarks' })
  @ApiConflictResponse({ description: 'The report is not submitted' })
  @Returns('AnnualReportDto')
  reviewReport(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('reportId', new ParseUUIDPipe()) reportId: string,
    @Body() dto: ReviewAnnualReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.implementation.reviewReport(actor, quarterId, reportId, dto);
  }

  @Get('reports/:reportId/pdf')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The annual report as PDF' })
  @ReturnsFile('application/pdf')
  async reportPdf(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('reportId', new ParseUUIDPipe()) reportId: string) {
    const doc = await this.services.send<PdfDocument>('agreements', P.reportPdf, { quarterId, reportId });
    return new StreamableFile(Buffer.from(doc.content, 'base64'), { type: 'application/pdf', disposition: `attachment; filename="${doc.filename}"` });
  }

  @Get('amendments')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'Amendments of the Zielvereinbarung, newest first' })
  @ReturnsList('AmendmentDto', { listQuery: false })
  amendments(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<AmendmentDto[]>('agreements', P.listAmendments, { quarterId });
  }

  @Post('amendments')
  @Policy({ roles: PARTNERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'A new agreement version awaiting the signatures; the process hears `amendment_proposed`' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors` (unknown measure or goal, schedule outside the window)' })
  @ApiConflictResponse({ description: 'Not certified, withdrawn, another amendment open, or a goal would lose its last measure' })
  @Returns('AmendmentDto')
  propose(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: ProposeAmendmentDto, @CurrentActor() actor: Actor) {
    return this.implementation.proposeAmendment(actor, quarterId, dto);
  }

  @Get('amendments/:amendmentId')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @Returns('AmendmentDto')
  amendment(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('amendmentId', new ParseUUIDPipe()) amendmentId: string) {
    return this.services.send<AmendmentDto>('agreements', P.getAmendment, { quarterId, amendmentId });
  }

  @Post('amendments/:amendmentId/signatures')
  @HttpCode(201)
  @Policy({ roles: PARTNERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'Confirmed for your organisation (housing company or municipality); the process hears `amendment_confirmed`' })
  @ApiForbiddenResponse({ description: 'No signing authority (Zeichnungsbefugnis) for your organisation' })
  @ApiConflictResponse({ description: 'Not awaiting signatures, already signed, or your organisation is neither housing company nor municipality' })
  @Returns('AmendmentSignResult')
  signAmendment(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('amendmentId', new ParseUUIDPipe()) amendmentId: string,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: AccountDto,
  ) {
    return this.implementation.signAmendment(actor, principal, quarterId, amendmentId);
  }

  @Post('amendments/:amendmentId/acceptance')
  @HttpCode(200)
  @Policy({ roles: OFFICE, scope: QUARTER })
  @ApiOkResponse({ description: 'Accepted: the amended version is the agreement, the previous one superseded; the process hears `amendment_accepted`' })
  @ApiConflictResponse({ description: 'Not confirmed by both partners, or accepted already' })
  @Returns('AmendmentDto')
  accept(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('amendmentId', new ParseUUIDPipe()) amendmentId: string, @CurrentActor() actor: Actor) {
    return this.implementation.acceptAmendment(actor, quarterId, amendmentId);
  }

  @Post('amendments/:amendmentId/rejection')
  @HttpCode(200)
  @Policy({ roles: OFFICE, scope: QUARTER })
  @ApiOkResponse({ description: 'Rejected with the reason: the agreement stays as it was, the next amendment may be proposed; the process hears `amendment_rejected`' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors` (reason missing)' })
  @ApiConflictResponse({ description: 'Accepted or rejected already' })
  @Returns('AmendmentDto')
  reject(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('amendmentId', new ParseUUIDPipe()) amendmentId: string,
    @Body() dto: RejectAmendmentDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.implementation.rejectAmendment(actor, quarterId, amendmentId, dto);
  }
}
