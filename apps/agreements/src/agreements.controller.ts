import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgreementsMessagePatterns as P, DocumentPatterns, type AgreementPdfQuery, type ConceptPdfQuery, type SignAgreementCommand, type SignAmendmentCommand } from '@genq/contracts';
import {
  AcceptAmendmentMessage,
  ChangeMeasureStatusMessage,
  CreateAnnualReportMessage,
  CreateGoalMessage,
  CreateMeasureMessage,
  DeleteGoalMessage,
  DeleteMeasureMessage,
  UpdateGoalMessage,
  UpdateMeasureMessage,
  ProposeAmendmentMessage,
  ReachMilestoneMessage,
  RecordGoalsWorkshopMessage,
  RejectAmendmentMessage,
  ReviewAnnualReportMessage,
  ReviewDecisionMessage,
  SetJustificationMessage,
  SubmitConceptMessage,
  UpdateAnnualReportMessage,
} from '@genq/dto';
import { invalidFields } from '@genq/service-kit';
import { requireActor, requireId } from './agreement/actor';
import { AgreementService } from './agreement/agreement.service';
import { ConceptService } from './concept/concept.service';
import { GoalsWorkshopService } from './concept/goals-workshop';
import { ImplementationService } from './implementation/implementation.service';

/** Message handlers of the agreements service. Scope (which quarters) is the gateway's policy; roles are checked here again. */
@Controller()
export class AgreementsController {
  constructor(
    private readonly concept: ConceptService,
    private readonly goalsWorkshops: GoalsWorkshopService,
    private readonly agreements: AgreementService,
    private readonly implementation: ImplementationService,
  ) {}

  @MessagePattern(P.createGoal)
  createGoal(@Payload() msg: CreateGoalMessage) {
    const { actor, quarterId, ...dto } = msg;
    return this.concept.createGoal(actor, quarterId, dto);
  }

  @MessagePattern(P.createMeasure)
  createMeasure(@Payload() msg: CreateMeasureMessage) {
    const { actor, quarterId, ...dto } = msg;
    return this.concept.createMeasure(actor, quarterId, dto);
  }

  @MessagePattern(P.updateGoal)
  updateGoal(@Payload() msg: UpdateGoalMessage) {
    const { actor, quarterId, goalId, ...dto } = msg;
    return this.concept.updateGoal(actor, quarterId, goalId, dto);
  }

  @MessagePattern(P.deleteGoal)
  async deleteGoal(@Payload() msg: DeleteGoalMessage) {
    await this.concept.deleteGoal(msg.actor, msg.quarterId, msg.goalId);
    return { deleted: true };
  }

  @MessagePattern(P.updateMeasure)
  updateMeasure(@Payload() msg: UpdateMeasureMessage) {
    const { actor, quarterId, measureId, ...dto } = msg;
    return this.concept.updateMeasure(actor, quarterId, measureId, dto);
  }

  @MessagePattern(P.deleteMeasure)
  async deleteMeasure(@Payload() msg: DeleteMeasureMessage) {
    await this.concept.deleteMeasure(msg.actor, msg.quarterId, msg.measureId);
    return { deleted: true };
  }

  @MessagePattern(P.changeMeasureStatus)
  changeMeasureStatus(@Payload() msg: ChangeMeasureStatusMessage) {
    const { actor, quarterId, measureId, ...dto } = msg;
    return this.concept.changeMeasureStatus(actor, quarterId, measureId, dto);
  }

  @MessagePattern(P.setJustification)
  setJustification(@Payload() msg: SetJustificationMessage) {
    const { actor, quarterId, ...dto } = msg;
    return this.concept.setJustification(actor, quarterId, dto);
  }

  @MessagePattern(P.reachMilestone)
  reachMilestone(@Payload() msg: ReachMilestoneMessage) {
    return this.concept.reachMilestone(msg.actor, msg.quarterId, msg.measureId, msg.index);
  }

  @MessagePattern(P.recordGoalsWorkshop)
  recordGoalsWorkshop(@Payload() msg: RecordGoalsWorkshopMessage) {
    const { actor, quarterId, ...cmd } = msg;
    return this.goalsWorkshops.record(actor, quarterId, cmd);
  }

  @MessagePattern(P.listGoalsWorkshops)
  listGoalsWorkshops(@Payload() q: { quarterId: string }) {
    return this.goalsWorkshops.list(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.getConcept)
  getConcept(@Payload() q: { quarterId: string }) {
    return this.concept.get(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.submit)
  submit(@Payload() msg: SubmitConceptMessage) {
    const { actor, quarterId, quarterName, ...dto } = msg;
    return this.agreements.submit(actor, quarterId, quarterName, dto);
  }

  @MessagePattern(P.listVersions)
  listVersions(@Payload() q: { quarterId: string }) {
    return this.agreements.list(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.getVersion)
  getVersion(@Payload() q: { quarterId: string; versionId: string }) {
    return this.agreements.get(requireId(q?.quarterId, 'quarterId'), requireId(q?.versionId, 'versionId'));
  }

  @MessagePattern(P.sign)
  sign(@Payload() cmd: SignAgreementCommand) {
    const s = cmd?.signer;
    if (!s || typeof s.accountId !== 'string' || typeof s.canSign !== 'boolean') throw invalidFields({ field: 'signer', code: 'validation.required' });
    return this.agreements.sign(requireActor(cmd.actor), requireId(cmd.quarterId, 'quarterId'), requireId(cmd.versionId, 'versionId'), s);
  }

  @MessagePattern(P.review)
  review(@Payload() msg: ReviewDecisionMessage) {
    const { actor, quarterId, versionId, ...dto } = msg;
    return this.agreements.review(actor, quarterId, versionId, dto);
  }

  @MessagePattern(P.getCertificate)
  getCertificate(@Payload() q: { quarterId: string }) {
    return this.agreements.certificate(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.verifyCertificate)
  verify(@Payload() q: { code: string }) {
    return this.agreements.verify(String(q?.code ?? ''));
  }

  @MessagePattern(P.agreementPdf)
  agreementPdf(@Payload() q: AgreementPdfQuery) {
    return this.agreements.agreementPdf(requireId(q?.quarterId, 'quarterId'), requireId(q?.versionId, 'versionId'), q.organisationNames ?? {});
  }

  @MessagePattern(DocumentPatterns.conceptPdf)
  conceptPdf(@Payload() q: ConceptPdfQuery) {
    return this.concept.pdf({ ...q, quarterId: requireId(q?.quarterId, 'quarterId') });
  }

  @MessagePattern(P.certificatePdf)
  certificatePdf(@Payload() q: { quarterId: string }) {
    return this.agreements.certificatePdf(requireId(q?.quarterId, 'quarterId'));
  }

  // ---- Implementation: annual reports and amendments ----

  @MessagePattern(P.versionHistory)
  versionHistory(@Payload() q: { quarterId: string }) {
    return this.implementation.history(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.createReport)
  createReport(@Payload() msg: CreateAnnualReportMessage) {
    const { actor, quarterId, ...dto } = msg;
    return this.implementation.createReport(actor, quarterId, dto);
  }

  @MessagePattern(P.updateReport)
  updateReport(@Payload() msg: UpdateAnnualReportMessage) {
    const { actor, quarterId, reportId, ...dto } = msg;
    return this.implementation.updateReport(actor, quarterId, reportId, dto);
  }

  @MessagePattern(P.submitReport)
  submitReport(@Payload() q: { actor: unknown; quarterId: string; reportId: string }) {
    return this.implementation.submitReport(requireActor(q?.actor), requireId(q?.quarterId, 'quarterId'), requireId(q?.reportId, 'reportId'));
  }

  @MessagePattern(P.reviewReport)
  reviewReport(@Payload() msg: ReviewAnnualReportMessage) {
    const { actor, quarterId, reportId, ...dto } = msg;
    return this.implementation.reviewReport(actor, quarterId, reportId, dto);
  }

  @MessagePattern(P.listReports)
  listReports(@Payload() q: { quarterId: string }) {
    return this.implementation.listReports(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.getReport)
  getReport(@Payload() q: { quarterId: string; reportId: string }) {
    return this.implementation.getReport(requireId(q?.quarterId, 'quarterId'), requireId(q?.reportId, 'reportId'));
  }

  @MessagePattern(P.reportPdf)
  reportPdf(@Payload() q: { quarterId: string; reportId: string }) {
    return this.implementation.reportPdf(requireId(q?.quarterId, 'quarterId'), requireId(q?.reportId, 'reportId'));
  }

  @MessagePattern(P.proposeAmendment)
  proposeAmendment(@Payload() msg: ProposeAmendmentMessage) {
    const { actor, quarterId, ...dto } = msg;
    return this.implementation.proposeAmendment(actor, quarterId, dto);
  }

  @MessagePattern(P.signAmendment)
  signAmendment(@Payload() cmd: SignAmendmentCommand) {
    const s = cmd?.signer;
    if (!s || typeof s.accountId !== 'string' || typeof s.canSign !== 'boolean') throw invalidFields({ field: 'signer', code: 'validation.required' });
    return this.implementation.signAmendment(requireActor(cmd.actor), requireId(cmd.quarterId, 'quarterId'), requireId(cmd.amendmentId, 'amendmentId'), s);
  }

  @MessagePattern(P.acceptAmendment)
  acceptAmendment(@Payload() msg: AcceptAmendmentMessage) {
    return this.implementation.acceptAmendment(msg.actor, msg.quarterId, msg.amendmentId);
  }

  @MessagePattern(P.rejectAmendment)
  rejectAmendment(@Payload() msg: RejectAmendmentMessage) {
    return this.implementation.rejectAmendment(msg.actor, msg.quarterId, msg.amendmentId, msg.reason);
  }

  @MessagePattern(P.listAmendments)
  listAmendments(@Payload() q: { quarterId: string }) {
    return this.implementation.listAmendments(requireId(q?.quarterId, 'quarterId'));
  }

  @MessagePattern(P.getAmendment)
  getAmendment(@Payload() q: { quarterId: string; amendmentId: string }) {
    return this.implementation.getAmendment(requireId(q?.quarterId, 'quarterId'), requireId(q?.amendmentId, 'amendmentId'));
  }
}
