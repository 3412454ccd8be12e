import { Module } from '@nestjs/common';
import { ProcessService } from '../process/process.service';
import { AnalysisController } from './analysis.controller';
import { AnalysisGatewayService } from './analysis.service';

/** The quarter analysis over HTTP; reports its domain events to the process. */
@Module({
  controllers: [AnalysisController],
  providers: [AnalysisGatewayService, ProcessService],
  exports: [AnalysisGatewayService],
})
export class AnalysisHttpModule {}
