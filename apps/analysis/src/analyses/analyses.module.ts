import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { AnalysesController } from './analyses.controller';
import { AnalysesService } from './analyses.service';
import { ComparisonService } from './comparison.service';
import { ParticipationIndicatorsFollower } from './participation-indicators';
import { CriterionRating } from './entities/criterion-rating.entity';
import { IndicatorValue } from './entities/indicator-value.entity';
import { QuarterAnalysis } from './entities/quarter-analysis.entity';
import { QuarterFigure } from './entities/quarter-figure.entity';
import { ComparisonRevision } from './entities/comparison-revision.entity';

/** The quarter analysis: indicator values and import, self-assessment, profile and programme comparison. */
@Module({
  imports: [TypeOrmModule.forFeature([QuarterAnalysis, IndicatorValue, CriterionRating, QuarterFigure, ComparisonRevision]), CataloguesModule],
  controllers: [AnalysesController],
  providers: [AnalysesService, ComparisonService, ParticipationIndicatorsFollower],
  exports: [AnalysesService],
})
export class AnalysesModule {}
