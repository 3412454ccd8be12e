/**
 * Shapes of the quarter analysis (Quartiersanalyse) that cross the wire between the gateway
 * and the analysis service: indicator values, the criteria self-assessment, the
 * strengths-and-weaknesses profile and its comparison with the programme.
 */
import type { ActionFieldProfile, Distribution, IndicatorKind } from '@genq/domain';
import type { ListQuery } from './messages';

export type AnalysisStatus = 'draft' | 'submitted';

/** One quarter's analysis: it pins the catalogue version its values and ratings are checked against. */
export interface AnalysisDto {
  id: string;
  quarterId: string;
  programmeId: string;
  catalogueVersionId: string;
  status: AnalysisStatus;
  submittedAt: string | null;
  /** Priorities of the strategy workshop (criterion or action field ids), once recorded. */
  priorities: string[] | null;
  prioritiesRecordedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Created by the gateway on the first analysis request of a quarter; the service cannot look up quarters. */
export interface EnsureAnalysisCommand {
  quarterId: string;
  programmeId: string;
  /** `<catalogueId>@<version>` of the programme; the analysis pins it at creation. */
  catalogueVersionId: string;
}

export interface IndicatorValueInput {
  indicatorId: string;
  /** ISO date (YYYY-MM-DD) the value describes. */
  referenceDate: string;
  value: number;
  source?: string | null;
  /** Optional; when given it must match the catalogue's kind of the indicator. */
  kind?: IndicatorKind;
  /** Optional; when given it must match the catalogue's unit of the indicator. */
  unit?: string;
}

export interface IndicatorValueDto {
  /** `<indicatorId>@<referenceDate>`: unique within the quarter. */
  id: string;
  quarterId: string;
  indicatorId: string;
  referenceDate: string;
  value: number;
  source: string | null;
  kind: IndicatorKind;
  unit: string;
  updatedAt: string;
}

export interface UpsertIndicatorValuesCommand {
  quarterId: string;
  values: IndicatorValueInput[];
}

export interface ImportIndicatorValuesCommand {
  quarterId: string;
  csv: string;
}

/** An Excel workbook (.xlsx) made from the template, base64-encoded for the wire. */
export interface ImportIndicatorWorkbookCommand {
  quarterId: string;
  xlsxBase64: string;
}

/** What a write did; `before`/`after` are the changed records only, for the audit log. */
/**
 * What an indicator import answers: the rows read, the write's counts, and warnings about
 * cells that were imported but deserve a look (a text that starts like a formula), as field
 * problems `rows.<line>.<column>` with a code; the gateway adds their message.
 */
export interface ImportResult<T> extends WriteResult<T> {
  rows: number;
  warnings: Array<{ field: string; code: string; message?: string }>;
}

export interface WriteResult<T> {
  created: number;
  updated: number;
  unchanged: number;
  before: T[];
  after: T[];
}

export interface RatingInput {
  criterionId: string;
  rating: number;
  evidence?: string | null;
  targetGroups?: string[];
}

export interface RatingDto {
  /** The criterion id: one rating per criterion and quarter. */
  id: string;
  quarterId: string;
  criterionId: string;
  actionFieldId: string;
  rating: number;
  evidence: string | null;
  targetGroups: string[];
  updatedAt: string;
}

export interface UpsertRatingsCommand {
  quarterId: string;
  ratings: RatingInput[];
}

export interface QuarterListQuery extends ListQuery {
  quarterId: string;
}

/** Submits the quarter's analysis (every criterion rated). */
export interface SubmitAnalysisCommand {
  quarterId: string;
}

export interface RecordPrioritiesCommand {
  quarterId: string;
  priorities: string[];
}

/** Figures derived from the indicators at the latest reference date, as shares in percent. */
export interface DerivedFigures {
  referenceDate: string | null;
  barrierFreeFlatsShare: number | null;
  lowBarrierFlatsShare: number | null;
  barrierReducedFlatsShare: number | null;
  priceBoundFlatsShare: number | null;
  companyFlatsShare: number | null;
  residents65PlusShare: number | null;
  residents80PlusShare: number | null;
  residentsUnder18Share: number | null;
}

export interface ComparedFigure {
  id: string;
  /** The quarter's own figure (mean rating, or latest indicator value). */
  value: number | null;
  programme: Distribution;
  /** Which quarter of the programme distribution the value falls in (1-4), null without a value. */
  quartile: 1 | 2 | 3 | 4 | null;
}

export interface ProfileDto {
  analysis: AnalysisDto;
  actionFields: Array<ActionFieldProfile & { programme: Distribution; quartile: ComparedFigure['quartile'] }>;
  derived: DerivedFigures;
  indicators: ComparedFigure[];
  /** Criteria of the catalogue that have no rating yet. */
  unrated: string[];
}

export interface ProgrammeDistributionQuery {
  programmeId: string;
  catalogueVersionId: string;
}

export interface ProgrammeDistributionDto {
  programmeId: string;
  catalogueVersionId: string;
  quarters: number;
  actionFields: Record<string, Distribution>;
  indicators: Record<string, Distribution>;
  /** Every quarter's mean rating per action field, for a programme-wide chart. */
  quarterMeans: Array<{ quarterId: string; means: Record<string, number> }>;
}

/** One catalogue version in the list of versions (`GET /api/catalogues`); the document itself comes from `GET /api/catalogues/:id`. */
export interface CatalogueVersionDto {
  /** `<catalogueId>@<version>` */
  id: string;
  catalogueId: string;
  version: string;
  title: string;
  createdAt: string;
  actionFields: number;
  criteria: number;
  indicators: number;
}
