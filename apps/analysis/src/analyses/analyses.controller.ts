import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnalysisPatterns,
  type EnsureAnalysisCommand,
  type ImportIndicatorValuesCommand,
  type ImportIndicatorWorkbookCommand,
  type ProgrammeDistributionQuery,
  type QuarterListQuery,
  type RecordPrioritiesCommand,
  type SubmitAnalysisCommand,
  type UpsertIndicatorValuesCommand,
  type UpsertRatingsCommand,
} from '@genq/contracts';
import { AnalysesService } from './analyses.service';

/** Message handlers of the quarter analysis; the gateway has checked the caller's scope, the catalogue is checked here. */
@Controller()
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @MessagePattern(AnalysisPatterns.ensureAnalysis)
  ensure(@Payload() cmd: EnsureAnalysisCommand) {
    return this.analyses.ensure(cmd);
  }

  @MessagePattern(AnalysisPatterns.getAnalysis)
  get(@Payload() quarterId: string) {
    return this.analyses.get(quarterId);
  }

  /**
   * `{ quarterId }` (an object, so the gateway's audit context travels with it); a bare
   * quarter id is still understood, the platform acting.
   */
  @MessagePattern(AnalysisPatterns.submitAnalysis)
  submit(@Payload() cmd: SubmitAnalysisCommand | string) {
    return this.analyses.submit(typeof cmd === 'string' ? cmd : String(cmd?.quarterId ?? ''));
  }

  @MessagePattern(AnalysisPatterns.recordPriorities)
  recordPriorities(@Payload() cmd: RecordPrioritiesCommand) {
    return this.analyses.recordPriorities(cmd);
  }

  @MessagePattern(AnalysisPatterns.listIndicatorValues)
  listIndicatorValues(@Payload() query: QuarterListQuery) {
    return this.analyses.listIndicatorValues(query);
  }

  @MessagePattern(AnalysisPatterns.upsertIndicatorValues)
  upsertIndicatorValues(@Payload() cmd: UpsertIndicatorValuesCommand) {
    return this.analyses.upsertIndicatorValues(cmd);
  }

  @MessagePattern(AnalysisPatterns.importIndicatorValues)
  importIndicatorValues(@Payload() cmd: ImportIndicatorValuesCommand) {
    return this.analyses.importIndicatorValues(cmd);
  }

  @MessagePattern(AnalysisPatterns.importIndicatorWorkbook)
  importIndicatorWorkbook(@Payload() cmd: ImportIndicatorWorkbookCommand) {
    return this.analyses.importIndicatorWorkbook(cmd);
  }

  @MessagePattern(AnalysisPatterns.indicatorWorkbookTemplate)
  workbookTemplate(@Payload() catalogueVersionId: string) {
    return this.analyses.workbookTemplate(catalogueVersionId);
  }

  @MessagePattern(AnalysisPatterns.indicatorTemplate)
  template(@Payload() catalogueVersionId: string) {
    return this.analyses.template(catalogueVersionId);
  }

  @MessagePattern(AnalysisPatterns.listRatings)
  listRatings(@Payload() query: QuarterListQuery) {
    return this.analyses.listRatings(query);
  }

  @MessagePattern(AnalysisPatterns.upsertRatings)
  upsertRatings(@Payload() cmd: UpsertRatingsCommand) {
    return this.analyses.upsertRatings(cmd);
  }

  @MessagePattern(AnalysisPatterns.profile)
  profile(@Payload() quarterId: string) {
    return this.analyses.profile(quarterId);
  }

  @MessagePattern(AnalysisPatterns.programmeDistribution)
  programmeDistribution(@Payload() query: ProgrammeDistributionQuery) {
    return this.analyses.programmeDistribution(query);
  }
}
