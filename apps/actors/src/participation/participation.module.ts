import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuarterMembership } from '../organisations/entities/quarter-membership.entity';
import { ParticipationEvent } from './entities/participation-event.entity';
import { ParticipationRecord } from './entities/participation-record.entity';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

/** Participation events of quarters (issue 4). */
@Module({
  imports: [TypeOrmModule.forFeature([ParticipationEvent, ParticipationRecord, QuarterMembership])],
  controllers: [ParticipationController],
  providers: [ParticipationService],
})
export class ParticipationModule {}
