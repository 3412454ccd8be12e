import type {
  AccountDto,
  QuarterImportResult,
  AgreementVersionDto,
  AmendmentDto,
  AmendmentSignResult,
  AnalysisDto,
  AnnualReportDto,
  AuditEntryDto,
  BatchProgress,
  CatalogueVersionDto,
  CertificateDto,
  CertificateVerification,
  DashboardDto,
  DashboardFacets,
  TaskList,
  DeadLetterDto,
  EventOutcome,
  FieldJustificationDto,
  GoalDto,
  GoalsWorkshopDto,
  HandlungskonzeptDto,
  IncidentCounts,
  IncidentDto,
  IncidentRepairResult,
  IncidentResetPreview,
  IndicatorValueDto,
  InterventionResult,
  KickoffRecordDto,
  MeasureDto,
  MembershipDto,
  NotificationDto,
  OrganisationDto,
  OrganisationMergeResult,
  Page,
  ParticipationEventDto,
  ParticipationRecordDto,
  PasswordResetDto,
  PersonDto,
  ProblemDetails,
  ProcessState,
  ProfileDto,
  ProgrammeDistributionDto,
  ProgrammeDto,
  QuarterDto,
  RatingDto,
  ReviewResult,
  SavedViewDto,
  SignResult,
  VersionHistoryEntry,
  WriteResult,
} from '@genq/contracts';
import type { Catalogue } from '@genq/domain';

/**
 * Bodies the gateway answers itself, beside the services' DTOs in `@genq/contracts`. The
 * handlers are annotated with them, so the OpenAPI schema and the code cannot drift apart.
 */

/** The signed-in account (GET /auth/me), as the access token names it. */
export type Principal = AccountDto;

/** What a login or a refresh answers: keep the access token in memory, the refresh token for the next refresh. */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: Principal;
}

export interface QuarterWithProcess extends QuarterDto {
  /** Live state from the quarter's workflow; null when Temporal could not be asked. */
  process: ProcessState | null;
}

/** The quarters a batch intervention over a filter would touch. */
export interface BatchPreview {
  total: number;
  quarters: Array<Pick<QuarterDto, 'id' | 'name' | 'municipality' | 'phase' | 'currentStep' | 'stalled'>>;
}

/** A started batch intervention: follow it at GET /api/interventions/batches/{id}. */
export interface BatchStarted {
  id: string;
  total: number;
}

export interface BatchProgressView extends BatchProgress {
  id: string;
}

export interface EventStreamStatus {
  streams: Array<{ name: string; messages: number; lastAt: string | null }>;
  consumers: Array<{ name: string; pending: number; ackPending: number; redelivered: number }>;
  deadLetters: number;
}

export interface ComponentHealth {
  up: boolean;
  error?: string;
  /** For a service's events: what waits in its outbox. */
  unpublished?: number;
  oldestUnpublishedAt?: string | null;
}

/** GET /api/health: 200 with `status: ok`, or 503 with `status: down` and what is down. */
export interface HealthReport {
  status: 'ok' | 'down';
  down: string[];
  components: Record<string, ComponentHealth>;
}

export interface CatalogueCreated {
  id: string;
}

export interface AnalysisAnswer {
  analysis: AnalysisDto;
}

export type IndicatorValuesWritten = WriteResult<IndicatorValueDto>;
export type RatingsWritten = WriteResult<RatingDto>;
export interface IndicatorValuesImported extends WriteResult<IndicatorValueDto> {
  /** Rows read from the file. */
  rows: number;
}

/**
 * Every JSON body of the API by its schema name in the OpenAPI document. The schemas in
 * `response-schemas.json` are generated from this interface (`npm run schemas`, part of the
 * build); `@Returns('<name>')` on a handler checks at compile time that the handler returns
 * this type and references the schema in the document.
 */
export interface ResponseTypes {
  AccountDto: AccountDto;
  AgreementVersionDto: AgreementVersionDto;
  AmendmentDto: AmendmentDto;
  AmendmentSignResult: AmendmentSignResult;
  AnalysisAnswer: AnalysisAnswer;
  AnalysisDto: AnalysisDto;
  AnnualReportDto: AnnualReportDto;
  AuditEntryDto: AuditEntryDto;
  BatchPreview: BatchPreview;
  BatchProgressView: BatchProgressView;
  BatchStarted: BatchStarted;
  Catalogue: Catalogue;
  CatalogueCreated: CatalogueCreated;
  CatalogueVersionDto: CatalogueVersionDto;
  CertificateDto: CertificateDto;
  CertificateVerification: CertificateVerification;
  DashboardDto: DashboardDto;
  DashboardFacets: DashboardFacets;
  TaskList: TaskList;
  DeadLetterDto: DeadLetterDto;
  EventOutcome: EventOutcome;
  EventStreamStatus: EventStreamStatus;
  FieldJustificationDto: FieldJustificationDto;
  GoalDto: GoalDto;
  GoalsWorkshopDto: GoalsWorkshopDto;
  GoalsWorkshopPage: Page<GoalsWorkshopDto>;
  HandlungskonzeptDto: HandlungskonzeptDto;
  HealthReport: HealthReport;
  IncidentCounts: IncidentCounts;
  IncidentDto: IncidentDto;
  IncidentRepairResult: IncidentRepairResult;
  IncidentResetPreview: IncidentResetPreview;
  IndicatorValueDto: IndicatorValueDto;
  IndicatorValuesImported: IndicatorValuesImported;
  IndicatorValuesWritten: IndicatorValuesWritten;
  InterventionResult: InterventionResult;
  KickoffRecordDto: KickoffRecordDto;
  MeasureDto: MeasureDto;
  MembershipDto: MembershipDto;
  NotificationDto: NotificationDto;
  OrganisationDto: OrganisationDto;
  OrganisationMergeResult: OrganisationMergeResult;
  ParticipationEventDto: ParticipationEventDto;
  ParticipationRecordDto: ParticipationRecordDto;
  PersonDto: PersonDto;
  Principal: Principal;
  ProblemDetails: ProblemDetails;
  ProcessState: ProcessState;
  PasswordResetDto: PasswordResetDto;
  ProfileDto: ProfileDto;
  ProgrammeDistributionDto: ProgrammeDistributionDto;
  ProgrammeDto: ProgrammeDto;
  QuarterDto: QuarterDto;
  QuarterImportResult: QuarterImportResult;
  QuarterWithProcess: QuarterWithProcess;
  RatingDto: RatingDto;
  RatingsWritten: RatingsWritten;
  ReviewResult: ReviewResult;
  SavedViewDto: SavedViewDto;
  SignResult: SignResult;
  TokenResponse: TokenResponse;
  VersionHistoryEntry: VersionHistoryEntry;
}

export type ResponseName = keyof ResponseTypes;
