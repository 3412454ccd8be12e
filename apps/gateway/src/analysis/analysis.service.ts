import { Injectable } from '@nestjs/common';
import {
  ActorsPatterns,
  AnalysisPatterns,
  type AnalysisDto,
  type EnsureAnalysisCommand,
  type ProgrammeDto,
  type QuarterDto,
} from '@genq/contracts';
import { ServiceClients } from '../services/service-clients';

/**
 * The gateway's side of the quarter analysis. The analysis service cannot look up quarters,
 * so the first analysis request of a quarter tells it the quarter's programme and the
 * programme's catalogue version, which the analysis then keeps (pins).
 */
@Injectable()
export class AnalysisGatewayService {
  /** Quarters whose analysis exists: the ensure call is idempotent, this only saves round trips. */
  private readonly ensured = new Set<string>();

  constructor(private readonly services: ServiceClients) {}

  async ensure(quarterId: string): Promise<void> {
    if (this.ensured.has(quarterId)) return;
    const quarter = await this.services.send<QuarterDto>('actors', ActorsPatterns.getQuarter, quarterId);
    const programme = await this.services.send<ProgrammeDto>('actors', ActorsPatterns.getProgramme, quarter.programmeId);
    const cmd: EnsureAnalysisCommand = {
      quarterId,
      programmeId: quarter.programmeId,
      catalogueVersionId: `${programme.catalogueId}@${programme.catalogueVersion}`,
    };
    await this.services.send<AnalysisDto>('analysis', AnalysisPatterns.ensureAnalysis, cmd);
    this.ensured.add(quarterId);
  }

  /** Ensures the quarter's analysis, then asks the analysis service. */
  async send<T>(quarterId: string, pattern: string, payload: unknown): Promise<T> {
    await this.ensure(quarterId);
    return this.services.send<T>('analysis', pattern, payload);
  }
}
