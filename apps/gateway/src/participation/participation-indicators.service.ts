import { Injectable, Logger } from '@nestjs/common';
import {
  AnalysisPatterns,
  PARTICIPATION_INDICATORS,
  PARTICIPATION_INDICATOR_SOURCE,
  ParticipationPatterns,
  type Actor,
  type IndicatorsRecomputed,
  type IndicatorValueDto,
  type IndicatorValueInput,
  type ParticipationFigures,
  type WriteResult,
} from '@genq/contracts';
import { AnalysisGatewayService } from '../analysis/analysis.service';
import { AuditService } from '../audit/audit.service';
import { ServiceClients } from '../services/service-clients';

/** One value per indicator and calendar year, at its Stichtag 31 December. */
export function indicatorValuesOf(figures: ParticipationFigures, currentYear: number): IndicatorValueInput[] {
  const source = PARTICIPATION_INDICATOR_SOURCE;
  return [
    ...figures.years.flatMap(({ year, events, participants }) => [
      { indicatorId: PARTICIPATION_INDICATORS.events, referenceDate: `${year}-12-31`, value: events, source },
      { indicatorId: PARTICIPATION_INDICATORS.participants, referenceDate: `${year}-12-31`, value: participants, source },
    ]),
    { indicatorId: PARTICIPATION_INDICATORS.networkPartners, referenceDate: `${currentYear}-12-31`, value: figures.networkPartners, source },
  ];
}

/**
 * Counts participation events, participants and network partners into the quarter's process
 * indicators (participation_events, participants_total, network_partners).
 *
 * The figures are recomputed from every event and membership of the quarter and upserted by
 * indicator and Stichtag, so recomputing writes the same values (idempotent). When the
 * analysis service cannot be reached the event or membership is stored all the same and the
 * answer says `indicators: { updated: false, reason }`; nothing is lost, as the next recording
 * recomputes everything.
 */
@Injectable()
export class ParticipationIndicatorsService {
  private readonly logger = new Logger(ParticipationIndicatorsService.name);

  constructor(
    private readonly services: ServiceClients,
    private readonly analysis: AnalysisGatewayService,
    private readonly audit: AuditService,
  ) {}

  async recompute(actor: Actor, quarterId: string, now = new Date()): Promise<IndicatorsRecomputed> {
    try {
      const figures = await this.services.send<ParticipationFigures>('actors', ParticipationPatterns.figures, { actor, id: quarterId });
      const values = indicatorValuesOf(figures, now.getUTCFullYear());
      const result = await this.analysis.send<WriteResult<IndicatorValueDto>>(quarterId, AnalysisPatterns.upsertIndicatorValues, { quarterId, values });
      if (result.created + result.updated > 0) {
        await this.audit.record({
          action: 'analysis.indicators.recompute',
          resourceType: 'indicator_values',
          resourceId: quarterId,
          quarterId,
          before: result.before,
          after: { created: result.created, updated: result.updated, unchanged: result.unchanged, values: result.after },
        });
      }
      return { updated: true };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn(`participation indicators of quarter ${quarterId} not updated (the next recording recomputes them): ${reason}`);
      return { updated: false, reason };
    }
  }
}
