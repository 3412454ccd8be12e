import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgreementsMessagePatterns as P, type AgreementPdfQuery, type SignAgreementCommand } from '@genq/contracts';
import { ChangeMeasureStatusMessage, CreateGoalMessage, CreateMeasureMessage, ReviewDecisionMessage, SetJustificationMessage, SubmitConceptMessage } from '@genq/dto';
import { rpcError } from '@genq/service-kit';
import { requireActor, requireId } from './agreement/actor';
import { AgreementService } from './agreement/agreement.service';
import { ConceptService } from './concept/concept.service';

/** Message handlers of the agreements service. Scope (which quarters) is the gateway's policy; roles are checked here again. */
@Controller()
export class AgreementsController {
  constructor(
    private readonly concept: ConceptService,
    private readonly agreements: AgreementService,
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
    if (!s || typeof s.accountId !== 'string' || typeof s.canSign !== 'boolean') throw rpcError(400, 'Validation failed', { signer: 'signer is required' });
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

  @MessagePattern(P.certificatePdf)
  certificatePdf(@Payload() q: { quarterId: string }) {
    return this.agreements.certificatePdf(requireId(q?.quarterId, 'quarterId'));
  }
}
