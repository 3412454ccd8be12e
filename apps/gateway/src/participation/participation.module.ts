import { Module } from '@nestjs/common';
import { ParticipationController, QuarterDetailsController, StepRecordsController } from './participation.controller';

/** Issue 4, actors: participation events, quarter details, kick-off and participation records over HTTP (owned by the actors service). */
@Module({
  controllers: [ParticipationController, QuarterDetailsController, StepRecordsController],
})
export class ParticipationHttpModule {}
