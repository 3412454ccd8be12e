import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Quarter } from '../../quarters/entities/quarter.entity';
import { ProgrammesModule } from '../programmes.module';
import { ProgrammeReportController } from './programme-report.controller';
import { ProgrammeReportService } from './programme-report.service';

/** The programme report (issue 17): composed here, where programmes and quarters live. */
@Module({
  imports: [TypeOrmModule.forFeature([Quarter]), ProgrammesModule],
  controllers: [ProgrammeReportController],
  providers: [ProgrammeReportService],
})
export class ProgrammeReportModule {}
