import { Injectable } from '@nestjs/common';
import {
  ActorsPatterns,
  AgreementsMessagePatterns as P,
  OrganisationsPatterns,
  PeoplePatterns,
  type AccountDto,
  type Actor,
  type AgreementVersionDto,
  type MeasureDto,
  type MembershipDto,
  type OrganisationDto,
  type Page,
  type PdfDocument,
  type PersonOfAccount,
  type QuarterDto,
  type ReviewResult,
  type SignResult,
} from '@genq/contracts';
import type { ChangeMeasureStatusDto, ReviewDecisionDto, SubmitConceptDto } from '@genq/dto';
import { AuditService } from '../audit/audit.service';
import { ServiceClients } from '../services/service-clients';

/**
 * Routes the Zielvereinbarung to the agreements service, adding what other services know
 * (quarter name, the signer's organisation and authority). The agreements service records
 * the facts (bound, reviewed, measure status) in its outbox; the process hears of them from
 * the event stream, not from here.
 */
@Injectable()
export class AgreementsGatewayService {
  constructor(
    private readonly services: ServiceClients,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: Actor, quarterId: string, dto: SubmitConceptDto): Promise<AgreementVersionDto> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, { id: quarterId, actor });
    // The agreements service adds the weak fields the analysis announced: the caller may add fields, never hide one.
    const version = await this.services.send<AgreementVersionDto>('agreements', P.submit, { ...dto, quarterId, quarterName: quarter.name, actor });
    await this.audit.record({ action: 'agreement.submit', resourceType: 'agreement_version', resourceId: version.id, quarterId, before: null, after: summary(version) });
    return version;
  }

  /**
   * Who signs (agreements and amendments alike): the signed-in account with its organisation
   * and signing authority. An account linked to a person takes both from the person (its
   * Zeichnungsbefugnis for its organisation); any other account keeps its own `canSign`.
   */
  async signerOf(actor: Actor, principal: AccountDto) {
    const { person } = await this.services.send<PersonOfAccount>('actors', PeoplePatterns.ofAccount, { accountId: principal.id });
    const organisationId = person ? person.organisationId : principal.organisationId;
    const organisation = organisationId ? await this.services.send<OrganisationDto>('actors', OrganisationsPatterns.get, { actor, id: organisationId }) : null;
    return {
      accountId: principal.id,
      organisationId,
      organisationName: organisation?.name ?? null,
      organisationType: organisation?.type ?? null,
      canSign: person ? person.signingAuthority : principal.canSign,
    };
  }

  /** Signs with the principal's organisation and authority; the second required signature makes it binding and tells the process. */
  async sign(actor: Actor, principal: AccountDto, quarterId: string, versionId: string): Promise<SignResult> {
    const before = await this.services.send<AgreementVersionDto>('agreements', P.getVersion, { quarterId, versionId });
    const result = await this.services.send<SignResult>('agreements', P.sign, { actor, quarterId, versionId, signer: await this.signerOf(actor, principal) });
    await this.audit.record({ action: 'agreement.sign', resourceType: 'agreement_version', resourceId: versionId, quarterId, before: summary(before), after: summary(result.version) });
    return result;
  }

  /** The programme office's decision; approval issues the certificate. Either way the process hears of it. */
  async review(actor: Actor, quarterId: string, versionId: string, dto: ReviewDecisionDto): Promise<ReviewResult> {
    const before = await this.services.send<AgreementVersionDto>('agreements', P.getVersion, { quarterId, versionId });
    const result = await this.services.send<ReviewResult>('agreements', P.review, { ...dto, quarterId, versionId, actor });
    await this.audit.record({
      action: `agreement.review.${dto.decision}`,
      resourceType: 'agreement_version',
      resourceId: versionId,
      quarterId,
      reason: dto.requiredChanges ?? null,
      before: summary(before),
      after: { ...summary(result.version), certificate: result.certificate },
    });
    return result;
  }

  /** Records a measure's progress and tells the process (it counts for the implementation phase). */
  async changeMeasureStatus(actor: Actor, quarterId: string, measureId: string, dto: ChangeMeasureStatusDto): Promise<MeasureDto> {
    const { before, after } = await this.services.send<{ before: MeasureDto; after: MeasureDto }>('agreements', P.changeMeasureStatus, { ...dto, quarterId, measureId, actor });
    await this.audit.record({ action: 'measure.status', resourceType: 'measure', resourceId: measureId, quarterId, reason: dto.reason ?? null, before, after });
    return after;
  }

  async reachMilestone(actor: Actor, quarterId: string, measureId: string, index: number): Promise<MeasureDto> {
    const { before, after } = await this.services.send<{ before: MeasureDto; after: MeasureDto }>('agreements', P.reachMilestone, { quarterId, measureId, index, actor });
    await this.audit.record({ action: 'measure.milestone_reached', resourceType: 'measure', resourceId: measureId, quarterId, before, after });
    return after;
  }

  /** Names of the quarter's organisations, so the document names the owners of measures. */
  async agreementPdf(actor: Actor, quarterId: string, versionId: string): Promise<PdfDocument> {
    const members = await this.services.send<Page<MembershipDto>>('actors', OrganisationsPatterns.listMemberships, { actor, id: quarterId });
    const organisationNames = Object.fromEntries(members.data.map((m) => [m.organisationId, m.organisationName]));
    return this.services.send<PdfDocument>('agreements', P.agreementPdf, { actor, quarterId, versionId, organisationNames });
  }
}

/** The audit log keeps the status and signatures of a version, not the whole snapshot again. */
function summary(v: AgreementVersionDto) {
  return { id: v.id, number: v.number, status: v.status, contentHash: v.contentHash, signatures: v.signatures.map((s) => ({ organisationId: s.organisationId, role: s.role, accountId: s.accountId })) };
}
