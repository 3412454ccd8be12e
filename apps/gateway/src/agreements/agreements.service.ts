import { Injectable } from '@nestjs/common';
import {
  ActorsPatterns,
  AgreementsMessagePatterns as P,
  AnalysisPatterns,
  DocumentPatterns,
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
  type ProgrammeDto,
  type QuarterDto,
  type ReviewResult,
  type SignResult,
} from '@genq/contracts';
import type { Catalogue } from '@genq/domain';
import type { ChangeMeasureStatusDto, ReviewDecisionDto, SubmitConceptDto } from '@genq/dto';
import { ServiceClients } from '../services/service-clients';

/**
 * Routes the Zielvereinbarung to the agreements service, adding what other services know
 * (quarter name, the signer's organisation and authority). The agreements service records
 * the facts (bound, reviewed, measure status) in its outbox; the process hears of them from
 * the event stream, not from here.
 */
@Injectable()
export class AgreementsGatewayService {
  constructor(private readonly services: ServiceClients) {}

  async submit(actor: Actor, quarterId: string, dto: SubmitConceptDto): Promise<AgreementVersionDto> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, { id: quarterId, actor });
    // The agreements service adds the weak fields the analysis announced: the caller may add fields, never hide one.
    return this.services.send<AgreementVersionDto>('agreements', P.submit, { ...dto, quarterId, quarterName: quarter.name, actor });
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
    return this.services.send<SignResult>('agreements', P.sign, { actor, quarterId, versionId, signer: await this.signerOf(actor, principal) });
  }

  /** The programme office's decision; approval issues the certificate. Either way the process hears of it. */
  async review(actor: Actor, quarterId: string, versionId: string, dto: ReviewDecisionDto): Promise<ReviewResult> {
    return this.services.send<ReviewResult>('agreements', P.review, { ...dto, quarterId, versionId, actor });
  }

  /** Records a measure's progress and tells the process (it counts for the implementation phase). */
  async changeMeasureStatus(actor: Actor, quarterId: string, measureId: string, dto: ChangeMeasureStatusDto): Promise<MeasureDto> {
    const { after } = await this.services.send<{ before: MeasureDto; after: MeasureDto }>('agreements', P.changeMeasureStatus, { ...dto, quarterId, measureId, actor });
    return after;
  }

  async reachMilestone(actor: Actor, quarterId: string, measureId: string, index: number): Promise<MeasureDto> {
    const { after } = await this.services.send<{ before: MeasureDto; after: MeasureDto }>('agreements', P.reachMilestone, { quarterId, measureId, index, actor });
    return after;
  }

  /** Names of the quarter's organisations, so the document names the owners of measures. */
  async agreementPdf(actor: Actor, quarterId: string, versionId: string): Promise<PdfDocument> {
    const members = await this.services.send<Page<MembershipDto>>('actors', OrganisationsPatterns.listMemberships, { actor, id: quarterId });
    const organisationNames = Object.fromEntries(members.data.map((m) => [m.organisationId, m.organisationName]));
    return this.services.send<PdfDocument>('agreements', P.agreementPdf, { actor, quarterId, versionId, organisationNames });
  }

  /**
   * The Handlungskonzept as PDF, with the names the agreements service does not own: the
   * quarter's (actors), its organisations' (memberships) and the catalogue version's texts.
   */
  async conceptPdf(actor: Actor, quarterId: string): Promise<PdfDocument> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, { id: quarterId, actor });
    const [members, programme] = await Promise.all([
      this.services.send<Page<MembershipDto>>('actors', OrganisationsPatterns.listMemberships, { actor, id: quarterId }),
      this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, quarter.programmeId),
    ]);
    const catalogue = await this.services.send<Catalogue>('analysis', AnalysisPatterns.getCatalogue, `${programme.catalogueId}@${programme.catalogueVersion}`);
    return this.services.send<PdfDocument>('agreements', DocumentPatterns.conceptPdf, {
      quarterId,
      quarterName: quarter.name,
      organisationNames: Object.fromEntries(members.data.map((m) => [m.organisationId, m.organisationName])),
      actionFieldNames: Object.fromEntries(catalogue.actionFields.map((f) => [f.id, f.name])),
      criterionNames: Object.fromEntries(catalogue.actionFields.flatMap((f) => f.criteria.map((c) => [c.id, c.name]))),
    });
  }
}
