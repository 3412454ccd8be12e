import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { AnalysisGatewayService } from './analysis.service';

/** The quarter analysis over HTTP; the analysis service records its facts for the process itself. */
@Module({
  controllers: [AnalysisController],
  providers: [AnalysisGatewayService],
  exports: [AnalysisGatewayService],
})
export class AnalysisHttpModule {}
