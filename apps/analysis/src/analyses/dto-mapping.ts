import type { AnalysisDto, IndicatorValueDto, RatingDto } from '@genq/contracts';
import type { CriterionRating } from './entities/criterion-rating.entity';
import type { IndicatorValue } from './entities/indicator-value.entity';
import type { QuarterAnalysis } from './entities/quarter-analysis.entity';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export const analysisDto = (a: QuarterAnalysis): AnalysisDto => ({
  id: a.id,
  quarterId: a.quarterId,
  programmeId: a.programmeId,
  catalogueVersionId: a.catalogueVersionId,
  status: a.status,
  submittedAt: iso(a.submittedAt),
  priorities: a.priorities,
  prioritiesRecordedAt: iso(a.prioritiesRecordedAt),
  createdAt: iso(a.createdAt)!,
  updatedAt: iso(a.updatedAt)!,
});

export const indicatorValueDto = (v: IndicatorValue): IndicatorValueDto => ({
  id: `${v.indicatorId}@${v.referenceDate}`,
  quarterId: v.quarterId,
  indicatorId: v.indicatorId,
  referenceDate: v.referenceDate,
  value: Number(v.value),
  source: v.source,
  kind: v.kind,
  unit: v.unit,
  updatedAt: iso(v.updatedAt)!,
});

export const ratingDto = (r: CriterionRating): RatingDto => ({
  id: r.criterionId,
  quarterId: r.quarterId,
  criterionId: r.criterionId,
  actionFieldId: r.actionFieldId,
  rating: Number(r.rating),
  evidence: r.evidence,
  targetGroups: r.targetGroups,
  updatedAt: iso(r.updatedAt)!,
});
