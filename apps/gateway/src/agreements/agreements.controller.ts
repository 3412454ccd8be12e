import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ALL_ROLES,
  AgreementsMessagePatterns as P,
  type AccountDto,
  type Actor,
  type AgreementVersionDto,
  type CertificateDto,
  type CertificateVerification,
  type FieldJustificationDto,
  type GoalDto,
  type GoalsWorkshopDto,
  type HandlungskonzeptDto,
  type MeasureDto,
  type Page,
  type PdfDocument,
} from '@genq/contracts';
import { ChangeMeasureStatusDto, CreateGoalDto, CreateMeasureDto, RecordGoalsWorkshopDto, ReviewDecisionDto, SetJustificationDto, SubmitConceptDto, UpdateGoalDto, UpdateMeasureDto } from '@genq/dto';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor';
import { Policy, Public } from '../auth/policy';
import { ServiceClients } from '../services/service-clients';
import { AgreementsGatewayService } from './agreements.service';
import { Returns, ReturnsFile, ReturnsList, ReturnsNothing } from '../openapi/returns';

/** Who drafts and submits the Handlungskonzept: the quarter's partners, its facilitator, the programme office. */
const DRAFTERS = ['partner', 'facilitator', 'programme_admin'] as const;
const QUARTER = { quarter: 'params.quarterId' } as const;

const pdf = (doc: PdfDocument) =>
  new StreamableFile(Buffer.from(doc.content, 'base64'), { type: 'application/pdf', disposition: `attachment; filename="${doc.filename}"` });

/** The Handlungskonzept of a quarter: goals, measures and justifications while it is drafted. */
@ApiTags('agreements')
@Controller('quarters/:quarterId')
export class ConceptController {
  constructor(
    private readonly services: ServiceClients,
    private readonly agreements: AgreementsGatewayService,
  ) {}

  @Get('handlungskonzept')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'Goals with their measures, and the justifications of action fields without goals' })
  @Returns('HandlungskonzeptDto')
  concept(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<HandlungskonzeptDto>('agreements', P.getConcept, { quarterId });
  }

  @Get('handlungskonzept/pdf')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The Handlungskonzept as it is drafted now, as PDF: goals and measures per action field, justifications' })
  @ReturnsFile('application/pdf')
  async conceptPdf(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @CurrentActor() actor: Actor) {
    return pdf(await this.agreements.conceptPdf(actor, quarterId));
  }

  @Get('goals-workshops')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'The goals workshops of the quarter, newest first' })
  @Returns('GoalsWorkshopPage')
  goalsWorkshops(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<Page<GoalsWorkshopDto>>('agreements', P.listGoalsWorkshops, { quarterId });
  }

  @Post('goals-workshops')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'The goals workshop on the drafted goals and measures is recorded; the Zielvereinbarungsworkshop step completes' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`' })
  @ApiConflictResponse({ description: 'No goal with a measure drafted yet' })
  @Returns('GoalsWorkshopDto')
  recordGoalsWorkshop(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: RecordGoalsWorkshopDto, @CurrentActor() actor: Actor) {
    return this.services.send<GoalsWorkshopDto>('agreements', P.recordGoalsWorkshop, { ...dto, quarterId, actor });
  }

  @Post('goals')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'Goal added to the Handlungskonzept' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement of the quarter is submitted (params number, status)' })
  @Returns('GoalDto')
  async createGoal(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: CreateGoalDto, @CurrentActor() actor: Actor) {
    return this.services.send<GoalDto>('agreements', P.createGoal, { ...dto, quarterId, actor });
  }

  @Post('measures')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'Measure added to a goal' })
  @ApiBadRequestResponse({ description: 'Field errors under `errors`; a goal of another quarter is unknown' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement of the quarter is submitted (params number, status)' })
  @Returns('MeasureDto')
  async createMeasure(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: CreateMeasureDto, @CurrentActor() actor: Actor) {
    return this.services.send<MeasureDto>('agreements', P.createMeasure, { ...dto, quarterId, actor });
  }

  @Patch('goals/:goalId')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiOkResponse({ description: 'The goal with the given fields changed; the others stay' })
  @ApiBadRequestResponse({ description: 'Every field problem under `errors`' })
  @ApiNotFoundResponse({ description: '`goal.not_found`: no such goal in this quarter' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement containing the goal is submitted (params number, status)' })
  @Returns('GoalDto')
  updateGoal(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('goalId', new ParseUUIDPipe()) goalId: string,
    @Body() dto: UpdateGoalDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.services.send<GoalDto>('agreements', P.updateGoal, { ...dto, quarterId, goalId, actor });
  }

  @Delete('goals/:goalId')
  @HttpCode(204)
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiNoContentResponse({ description: 'The goal and its measures are deleted' })
  @ApiNotFoundResponse({ description: '`goal.not_found`: no such goal in this quarter' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement containing the goal is submitted (params number, status)' })
  @ReturnsNothing()
  async deleteGoal(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('goalId', new ParseUUIDPipe()) goalId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.services.send('agreements', P.deleteGoal, { quarterId, goalId, actor });
  }

  @Patch('measures/:measureId')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiOkResponse({ description: 'The measure with the given fields changed; the others (and its status) stay' })
  @ApiBadRequestResponse({ description: 'Every field problem under `errors`; a goal of another quarter is unknown' })
  @ApiNotFoundResponse({ description: '`measure.not_found`: no such measure in this quarter' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement containing the measure is submitted (params number, status)' })
  @Returns('MeasureDto')
  updateMeasure(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('measureId', new ParseUUIDPipe()) measureId: string,
    @Body() dto: UpdateMeasureDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.services.send<MeasureDto>('agreements', P.updateMeasure, { ...dto, quarterId, measureId, actor });
  }

  @Delete('measures/:measureId')
  @HttpCode(204)
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiNoContentResponse({ description: 'The measure is deleted' })
  @ApiNotFoundResponse({ description: '`measure.not_found`: no such measure in this quarter' })
  @ApiConflictResponse({ description: '`concept.locked`: the agreement containing the measure is submitted (params number, status)' })
  @ReturnsNothing()
  async deleteMeasure(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('measureId', new ParseUUIDPipe()) measureId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.services.send('agreements', P.deleteMeasure, { quarterId, measureId, actor });
  }

  @Post('measures/:measureId/milestones/:index/reached')
  @HttpCode(200)
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiOkResponse({ description: 'The measure with the milestone marked reached; the process stops chasing its deadline' })
  @ApiConflictResponse({ description: 'The milestone is reached already' })
  @Returns('MeasureDto')
  reachMilestone(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('measureId', new ParseUUIDPipe()) measureId: string,
    @Param('index', new ParseIntPipe()) index: number,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.reachMilestone(actor, quarterId, measureId, index);
  }

  @Post('measures/:measureId/status')
  @HttpCode(200)
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiOkResponse({ description: 'The measure with its status history; the process hears of the change' })
  @ApiConflictResponse({ description: 'Unchanged, or replacing/dropping a measure (that is an amendment)' })
  @Returns('MeasureDto')
  changeMeasureStatus(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('measureId', new ParseUUIDPipe()) measureId: string,
    @Body() dto: ChangeMeasureStatusDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.changeMeasureStatus(actor, quarterId, measureId, dto);
  }

  @Post('justifications')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'The written justification of an action field without goal, set or replaced' })
  @Returns('FieldJustificationDto')
  async justify(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: SetJustificationDto, @CurrentActor() actor: Actor) {
    return this.services.send<FieldJustificationDto>('agreements', P.setJustification, { ...dto, quarterId, actor });
  }
}

/** The Zielvereinbarung: versions, signatures, review, certificate and their documents. */
@ApiTags('agreements')
@Controller('quarters/:quarterId')
export class AgreementController {
  constructor(
    private readonly services: ServiceClients,
    private readonly agreements: AgreementsGatewayService,
  ) {}

  @Post('agreement/versions')
  @Policy({ roles: DRAFTERS, scope: QUARTER })
  @ApiCreatedResponse({ description: 'The complete Handlungskonzept submitted as a new Zielvereinbarung version' })
  @ApiConflictResponse({ description: '`concept.incomplete` with every gap as a field problem in `errors` (codes `concept.*`, params actionFieldId, goalId, measureId), or `agreement.amend_instead` when a version is already binding' })
  @Returns('AgreementVersionDto')
  submit(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Body() dto: SubmitConceptDto, @CurrentActor() actor: Actor) {
    return this.agreements.submit(actor, quarterId, dto);
  }

  @Get('agreement/versions')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiOkResponse({ description: 'Every version, newest first, with its signatures' })
  @ReturnsList('AgreementVersionDto', { listQuery: false })
  versions(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<AgreementVersionDto[]>('agreements', P.listVersions, { quarterId });
  }

  @Get('agreement/versions/:versionId')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @Returns('AgreementVersionDto')
  version(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('versionId', new ParseUUIDPipe()) versionId: string) {
    return this.services.send<AgreementVersionDto>('agreements', P.getVersion, { quarterId, versionId });
  }

  @Get('agreement/versions/:versionId/pdf')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The Zielvereinbarung of this version as PDF' })
  @ReturnsFile('application/pdf')
  async versionPdf(@Param('quarterId', new ParseUUIDPipe()) quarterId: string, @Param('versionId', new ParseUUIDPipe()) versionId: string, @CurrentActor() actor: Actor) {
    return pdf(await this.agreements.agreementPdf(actor, quarterId, versionId));
  }

  @Post('agreement/versions/:versionId/signatures')
  @HttpCode(201)
  @Policy({ roles: ['partner'], scope: QUARTER })
  @ApiCreatedResponse({ description: 'Signed for your organisation; `becameBinding` when both partners have signed' })
  @ApiForbiddenResponse({ description: 'No signing authority (Zeichnungsbefugnis) for your organisation' })
  @ApiConflictResponse({ description: 'Not submitted, superseded, already signed, or your organisation is no party' })
  @Returns('SignResult')
  sign(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('versionId', new ParseUUIDPipe()) versionId: string,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: AccountDto,
  ) {
    return this.agreements.sign(actor, principal, quarterId, versionId);
  }

  @Post('agreement/versions/:versionId/review')
  @HttpCode(200)
  @Policy({ roles: ['programme_admin'], scope: QUARTER })
  @ApiOkResponse({ description: 'Approved (with the certificate) or sent back with the required changes' })
  @ApiConflictResponse({ description: 'The version is not binding' })
  @Returns('ReviewResult')
  review(
    @Param('quarterId', new ParseUUIDPipe()) quarterId: string,
    @Param('versionId', new ParseUUIDPipe()) versionId: string,
    @Body() dto: ReviewDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.review(actor, quarterId, versionId, dto);
  }

  @Get('certificate')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @Returns('CertificateDto')
  certificate(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return this.services.send<CertificateDto>('agreements', P.getCertificate, { quarterId });
  }

  @Get('certificate/pdf')
  @Policy({ roles: ALL_ROLES, scope: QUARTER })
  @ApiProduces('application/pdf')
  @ReturnsFile('application/pdf')
  async certificatePdf(@Param('quarterId', new ParseUUIDPipe()) quarterId: string) {
    return pdf(await this.services.send<PdfDocument>('agreements', P.certificatePdf, { quarterId }));
  }
}

/** Anyone holding a certificate may check that it is genuine and valid. */
@ApiTags('agreements')
@Controller('certificates')
export class CertificateVerificationController {
  constructor(private readonly services: ServiceClients) {}

  @Get('verify/:code')
  @Public()
  @ApiOkResponse({ description: '`valid` with number, quarter and validity; or `valid: false` with a reason' })
  @Returns('CertificateVerification')
  verify(@Param('code') code: string) {
    return this.services.send<CertificateVerification>('agreements', P.verifyCertificate, { code });
  }
}
