import { HttpException, Injectable, Logger } from '@nestjs/common';
import {
  ActorsPatterns,
  AgreementsMessagePatterns as P,
  OrganisationsPatterns,
  PeoplePatterns,
  type AccountDto,
  type ActionFieldId,
  AnalysisPatterns,
  type ProfileDto,
  type Actor,
  type AgreementVersionDto,
  type EventOutcome,
  type MeasureDto,
  type MembershipDto,
  type MilestoneDeadline,
  type OrganisationDto,
  type Page,
  type PdfDocument,
  type PersonOfAccount,
  type ProcessEventEnvelope,
  type QuarterDto,
  type ReviewResult,
  type SignResult,
} from '@genq/contracts';
import type { ChangeMeasureStatusDto, ReviewDecisionDto, SubmitConceptDto } from '@genq/dto';
import { AuditService } from '../audit/audit.service';
import { ProcessService } from '../process/process.service';
import { ServiceClients } from '../services/service-clients';

/** What the process made of an event the agreement caused; the agreement stands either way. */
export interface ProcessReport {
  eventId: string;
  applied: boolean;
  reason?: string;
}

/**
 * Orchestrates the Zielvereinbarung across services: the agreements service keeps the data
 * and knows no Temporal; this side adds what other services know (quarter name, the
 * signer's organisation and authority), audits, and tells the quarter's process.
 */
@Injectable()
export class AgreementsGatewayService {
  private readonly logger = new Logger(AgreementsGatewayService.name);

  constructor(
    private readonly services: ServiceClients,
    private readonly process: ProcessService,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: Actor, quarterId: string, dto: SubmitConceptDto): Promise<AgreementVersionDto> {
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, { id: quarterId, actor });
    // The analysis decides which fields are weak: the caller may add fields, never hide one.
    const weakActionFields = [...new Set([...dto.weakActionFields, ...(await this.weakFieldsOfAnalysis(quarterId))])];
    const version = await this.services.send<AgreementVersionDto>('agreements', P.submit, { ...dto, weakActionFields, quarterId, quarterName: quarter.name, actor });
    await this.audit.record({ action: 'agreement.submit', resourceType: 'agreement_version', resourceId: version.id, quarterId, before: null, after: summary(version) });
    return version;
  }

  /** Action fields with weaknesses in the quarter's Stärken-Schwächen-Profil; none while it has no analysis yet. */
  private async weakFieldsOfAnalysis(quarterId: string): Promise<ActionFieldId[]> {
    try {
      const profile = await this.services.send<ProfileDto>('analysis', AnalysisPatterns.profile, quarterId);
      return profile.actionFields.filter((f) => f.weaknesses.length > 0).map((f) => f.actionFieldId as ActionFieldId);
    } catch (err) {
      if (err instanceof HttpException && err.getStatus() === 404) return [];
      throw err;
    }
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
  async sign(actor: Actor, principal: AccountDto, quarterId: string, versionId: string): Promise<SignResult & { process: ProcessReport | null }> {
    const before = await this.services.send<AgreementVersionDto>('agreements', P.getVersion, { quarterId, versionId });
    const result = await this.services.send<SignResult>('agreements', P.sign, { actor, quarterId, versionId, signer: await this.signerOf(actor, principal) });
    await this.audit.record({ action: 'agreement.sign', resourceType: 'agreement_version', resourceId: versionId, quarterId, before: summary(before), after: summary(result.version) });
    const process = result.becameBinding ? await this.report({ type: 'agreement_signed', eventId: `agreement-signed:${versionId}`, quarterId }) : null;
    return { ...result, process };
  }

  /** The programme office's decision; approval issues the certificate. Either way the process hears of it. */
  async review(actor: Actor, quarterId: string, versionId: string, dto: ReviewDecisionDto): Promise<ReviewResult & { process: ProcessReport }> {
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
    const process = await this.report({
      type: 'review_decided',
      decision: dto.decision,
      ...(dto.decision === 'sent_back' ? { requiredChanges: dto.requiredChanges, loopTo: dto.loopTo, newDue: dto.newDue } : {}),
      // With the approval the process starts chasing the measures' milestones.
      ...(dto.decision === 'approved' ? { milestones: milestonesOf(result.version) } : {}),
      eventId: `review-decided:${versionId}`,
      quarterId,
    } as ProcessEventEnvelope);
    return { ...result, process };
  }

  /** Records a measure's progress and tells the process (it counts for the implementation phase). */
  async changeMeasureStatus(actor: Actor, quarterId: string, measureId: string, dto: ChangeMeasureStatusDto): Promise<MeasureDto & { process: ProcessReport }> {
    const { before, after } = await this.services.send<{ before: MeasureDto; after: MeasureDto }>('agreements', P.changeMeasureStatus, { ...dto, quarterId, measureId, actor });
    await this.audit.record({ action: 'measure.status', resourceType: 'measure', resourceId: measureId, quarterId, reason: dto.reason ?? null, before, after });
    const process = await this.report({
      type: 'measure_status_changed',
      measureId,
      status: after.status,
      eventId: `measure-status:${measureId}:${after.statusHistory.length}`,
      quarterId,
    });
    return { ...after, process };
  }

  /** Names of the quarter's organisations, so the document names the owners of measures. */
  async agreementPdf(actor: Actor, quarterId: string, versionId: string): Promise<PdfDocument> {
    const members = await this.services.send<Page<MembershipDto>>('actors', OrganisationsPatterns.listMemberships, { actor, id: quarterId });
    const organisationNames = Object.fromEntries(members.data.map((m) => [m.organisationId, m.organisationName]));
    return this.services.send<PdfDocument>('agreements', P.agreementPdf, { actor, quarterId, versionId, organisationNames });
  }

  /**
   * Tells the quarter's process. The agreement is already stored: a process that refuses the
   * event (not at that step) or cannot be reached is reported back, not turned into a failed
   * request; the event id is derived from the version, so reporting it again is harmless.
   */
  async report(event: ProcessEventEnvelope): Promise<ProcessReport> {
    try {
      const outcome: EventOutcome = await this.process.report(event);
      return { eventId: event.eventId, applied: outcome.applied, ...(outcome.reason ? { reason: outcome.reason } : {}) };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn(`process of quarter ${event.quarterId} did not take ${event.type} (${event.eventId}): ${reason}`);
      return { eventId: event.eventId, applied: false, reason };
    }
  }
}

/** The audit log keeps the status and signatures of a version, not the whole snapshot again. */
function summary(v: AgreementVersionDto) {
  return { id: v.id, number: v.number, status: v.status, contentHash: v.contentHash, signatures: v.signatures.map((s) => ({ organisationId: s.organisationId, role: s.role, accountId: s.accountId })) };
}

/** The measure milestones of an agreement version, keyed stably by measure and position. */
export function milestonesOf(version: AgreementVersionDto): MilestoneDeadline[] {
  return version.snapshot.goals.flatMap((g) =>
    g.measures.flatMap((m) => m.milestones.map((ms, i) => ({ key: `milestone_${m.id}_${i + 1}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase(), name: `${m.title}: ${ms.title}`, due: ms.due }))),
  );
}
