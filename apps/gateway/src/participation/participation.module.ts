import { Module } from '@nestjs/common';
import { ParticipationController, QuarterDetailsController } from './participation.controller';

/** Issue 4, actors: participation events and quarter details over HTTP (owned by the actors service). */
@Module({
  controllers: [ParticipationController, QuarterDetailsController],
})
export class ParticipationHttpModule {}
