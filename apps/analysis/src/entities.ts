import { eventEntities } from '@genq/service-kit';
import { CriterionRating } from './analyses/entities/criterion-rating.entity';
import { IndicatorValue } from './analyses/entities/indicator-value.entity';
import { QuarterAnalysis } from './analyses/entities/quarter-analysis.entity';
import { QuarterFigure } from './analyses/entities/quarter-figure.entity';
import { ComparisonRevision } from './analyses/entities/comparison-revision.entity';
import { CatalogueVersion } from './catalogues/entities/catalogue-version.entity';

/** Every table the analysis service owns; no other service reads them. */
export const analysisEntities = [CatalogueVersion, QuarterAnalysis, IndicatorValue, CriterionRating, QuarterFigure, ComparisonRevision, ...eventEntities];
