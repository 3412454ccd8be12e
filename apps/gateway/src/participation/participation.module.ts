import { Module } from '@nestjs/common';
import { AnalysisHttpModule } from '../analysis/analysis.module';
import { ParticipationIndicatorsService } from './participation-indicators.service';
import { ParticipationController, QuarterDetailsController } from './participation.controller';

/** Issue 4, actors: participation events and quarter details over HTTP (owned by the actors service). */
@Module({
  imports: [AnalysisHttpModule],
  controllers: [ParticipationController, QuarterDetailsController],
  providers: [ParticipationIndicatorsService],
  exports: [ParticipationIndicatorsService],
})
export class ParticipationHttpModule {}
