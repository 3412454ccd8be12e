import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParticipationRecord } from '../participation/entities/participation-record.entity';
import { KickoffRecord } from './entities/kickoff-record.entity';
import { KickoffController } from './kickoff.controller';
import { KickoffService } from './kickoff.service';

/** The kick-off record (Auftakt, issue 13): the team of a quarter and its declaration of participation. */
@Module({
  imports: [TypeOrmModule.forFeature([KickoffRecord, ParticipationRecord])],
  controllers: [KickoffController],
  providers: [KickoffService],
})
export class KickoffModule {}
