import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_FIELDS,
  AMENDMENT_ACTIONS,
  DEFAULT_MEASURE_STATUSES,
  REPORT_YEARS,
  type AmendmentAction,
  DEFAULT_TARGET_GROUPS,
  FUNDING_SOURCES,
  MEASURE_KINDS,
  type ActionFieldId,
  type FundingSource,
  type MeasureKind,
  type RecordGoalsWorkshopCommand,
} from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';
import { CalendarDate } from './dates';

/**
 * A text a decision requires: one message that says what is wrong (missing, or too long),
 * rather than "must be a string; must not be empty; must be shorter…" for a field left out.
 */
function RequiredText(max: number, requiredMessage: string): PropertyDecorator {
  return Length(1, max, {
    message: ({ property, value }) =>
      typeof value === 'string' && value.length > max ? `${property} must be shorter than or equal to ${max} characters` : requiredMessage,
  });
}

const ACTION_FIELD_MSG = `must be one of ${ACTION_FIELDS.join(', ')}`;
const TARGET_GROUP_MSG = `each target group must be one of the catalogue's: ${DEFAULT_TARGET_GROUPS.join(', ')}`;

/** A goal (Ziel) of the Handlungskonzept in one action field. */
export class CreateGoalDto {
  @ApiProperty({ enum: ACTION_FIELDS })
  @IsIn(ACTION_FIELDS as unknown as string[], { message: `actionFieldId ${ACTION_FIELD_MSG}` })
  actionFieldId!: ActionFieldId;

  @ApiProperty({ example: 'Barrierearme Wohnungen im Bestand schaffen' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ type: [String], description: 'Criteria or weaknesses of the analysis the goal answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  criterionIds?: string[];

  @ApiProperty({ example: 'Anzahl barrierearmer Wohnungen' })
  @IsString()
  @IsNotEmpty({ message: 'indicator must not be empty' })
  @MaxLength(300)
  indicator!: string;

  @ApiPropertyOptional({ example: '12' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  baseline?: string;

  @ApiProperty({ example: '40' })
  @IsString()
  @IsNotEmpty({ message: 'targetValue must not be empty' })
  @MaxLength(200)
  targetValue!: string;

  @ApiProperty({ example: '2029-12-31' })
  @IsDateString({}, { message: 'targetDate must be an ISO date' })
  targetDate!: string;

  @ApiPropertyOptional({ type: [String], enum: DEFAULT_TARGET_GROUPS })
  @IsOptional()
  @IsArray()
  @IsIn(DEFAULT_TARGET_GROUPS as unknown as string[], { each: true, message: TARGET_GROUP_MSG })
  targetGroups?: string[];
}

export class CreateGoalMessage extends CreateGoalDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class MilestoneDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsDateString({}, { message: 'due must be an ISO date' })
  due!: string;
}

export class FundingShareDto {
  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES as unknown as string[], { message: `source must be one of ${FUNDING_SOURCES.join(', ')}` })
  source!: FundingSource;

  @ApiProperty({ example: 25000 })
  @IsNumber({}, { message: 'amount must be a number' })
  @Min(0)
  amount!: number;
}

/** A measure (Maßnahme) serving one goal. Owner and schedule may be left open while drafting; submission requires them. */
export class CreateMeasureDto {
  @ApiProperty()
  @IsUUID('4', { message: 'goalId must be a UUID' })
  goalId!: string;

  @ApiProperty({ example: 'Umbau von 20 Bädern' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: 'Organisation responsible for the measure' })
  @IsOptional()
  @IsUUID('4', { message: 'ownerOrganisationId must be a UUID' })
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUUID('4', { each: true, message: 'partnerOrganisationIds must be UUIDs' })
  partnerOrganisationIds?: string[];

  @ApiProperty({ enum: MEASURE_KINDS })
  @IsIn(MEASURE_KINDS as unknown as string[], { message: `kind must be one of ${MEASURE_KINDS.join(', ')}` })
  kind!: MeasureKind;

  @ApiPropertyOptional({ type: [String], enum: DEFAULT_TARGET_GROUPS })
  @IsOptional()
  @IsArray()
  @IsIn(DEFAULT_TARGET_GROUPS as unknown as string[], { each: true, message: TARGET_GROUP_MSG })
  targetGroups?: string[];

  @ApiPropertyOptional({ example: '2027-01-01' })
  @IsOptional()
  @IsDateString({}, { message: 'start must be an ISO date' })
  start?: string;

  @ApiPropertyOptional({ example: '2028-12-31' })
  @IsOptional()
  @IsDateString({}, { message: 'end must be an ISO date' })
  end?: string;

  @ApiPropertyOptional({ type: [MilestoneDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  @ApiPropertyOptional({ example: 250000 })
  @IsOptional()
  @IsNumber({}, { message: 'cost must be a number' })
  @Min(0)
  cost?: number;

  @ApiPropertyOptional({ type: [FundingShareDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FundingShareDto)
  funding?: FundingShareDto[];

  @ApiPropertyOptional({ enum: DEFAULT_MEASURE_STATUSES, default: 'geplant' })
  @IsOptional()
  @IsIn(DEFAULT_MEASURE_STATUSES as unknown as string[], { message: `status must be one of ${DEFAULT_MEASURE_STATUSES.join(', ')}` })
  status?: string;
}

export class CreateMeasureMessage extends CreateMeasureDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** A measure's progress (geplant, in Umsetzung, umgesetzt, verzögert); kept in its status history. */
export class ChangeMeasureStatusDto {
  @ApiProperty({ enum: DEFAULT_MEASURE_STATUSES })
  @IsIn(DEFAULT_MEASURE_STATUSES as unknown as string[], { message: `status must be one of ${DEFAULT_MEASURE_STATUSES.join(', ')}` })
  status!: string;

  @ApiPropertyOptional({ example: 'Lieferverzug beim Aufzugshersteller' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ChangeMeasureStatusMessage extends ChangeMeasureStatusDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  measureId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** A measure's milestone (1-based position in its schedule) reported reached. */
export class ReachMilestoneMessage {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  measureId!: string;

  @IsInt({ message: 'index must be the position of the milestone (1, 2, ...)' })
  @Min(1, { message: 'index must be the position of the milestone (1, 2, ...)' })
  index!: number;

  @ActingUser()
  actor!: ActorDto;
}

/** A field a change may leave out (unchanged), but not clear: `null` is refused like a missing value at creation. */
const given = (property: string) => ValidateIf((o: Record<string, unknown>) => o[property] !== undefined);

/**
 * A change of a drafted goal: the fields given replace the goal's, the rest stay. Optional
 * texts (baseline) are cleared by `null`. Allowed until the agreement is submitted.
 */
export class UpdateGoalDto {
  @ApiPropertyOptional({ enum: ACTION_FIELDS })
  @given('actionFieldId')
  @IsIn(ACTION_FIELDS as unknown as string[], { message: `actionFieldId ${ACTION_FIELD_MSG}` })
  actionFieldId?: ActionFieldId;

  @ApiPropertyOptional({ example: 'Barrierearme Wohnungen im Bestand schaffen' })
  @given('title')
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ type: [String], description: 'Criteria or weaknesses of the analysis the goal answers' })
  @given('criterionIds')
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  criterionIds?: string[];

  @ApiPropertyOptional({ example: 'Anzahl barrierearmer Wohnungen' })
  @given('indicator')
  @IsString()
  @IsNotEmpty({ message: 'indicator must not be empty' })
  @MaxLength(300)
  indicator?: string;

  @ApiPropertyOptional({ example: '12', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  baseline?: string | null;

  @ApiPropertyOptional({ example: '40' })
  @given('targetValue')
  @IsString()
  @IsNotEmpty({ message: 'targetValue must not be empty' })
  @MaxLength(200)
  targetValue?: string;

  @ApiPropertyOptional({ example: '2029-12-31' })
  @given('targetDate')
  @IsDateString({}, { message: 'targetDate must be an ISO date' })
  targetDate?: string;

  @ApiPropertyOptional({ type: [String], enum: DEFAULT_TARGET_GROUPS })
  @given('targetGroups')
  @IsArray()
  @IsIn(DEFAULT_TARGET_GROUPS as unknown as string[], { each: true, message: TARGET_GROUP_MSG })
  targetGroups?: string[];
}

export class UpdateGoalMessage extends UpdateGoalDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  goalId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/**
 * A change of a drafted measure: the fields given replace the measure's, the rest stay.
 * Optional values (description, owner, start, end, cost) are cleared by `null`. The status
 * is not changed here: that has its own route and history.
 */
export class UpdateMeasureDto {
  @ApiPropertyOptional({ description: 'Another goal of the same quarter' })
  @given('goalId')
  @IsUUID('4', { message: 'goalId must be a UUID' })
  goalId?: string;

  @ApiPropertyOptional({ example: 'Umbau von 20 Bädern' })
  @given('title')
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ description: 'Organisation responsible for the measure', nullable: true, type: String })
  @IsOptional()
  @IsUUID('4', { message: 'ownerOrganisationId must be a UUID' })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @given('partnerOrganisationIds')
  @IsArray()
  @IsUUID('4', { each: true, message: 'partnerOrganisationIds must be UUIDs' })
  partnerOrganisationIds?: string[];

  @ApiPropertyOptional({ enum: MEASURE_KINDS })
  @given('kind')
  @IsIn(MEASURE_KINDS as unknown as string[], { message: `kind must be one of ${MEASURE_KINDS.join(', ')}` })
  kind?: MeasureKind;

  @ApiPropertyOptional({ type: [String], enum: DEFAULT_TARGET_GROUPS })
  @given('targetGroups')
  @IsArray()
  @IsIn(DEFAULT_TARGET_GROUPS as unknown as string[], { each: true, message: TARGET_GROUP_MSG })
  targetGroups?: string[];

  @ApiPropertyOptional({ example: '2027-01-01', nullable: true, type: String })
  @IsOptional()
  @IsDateString({}, { message: 'start must be an ISO date' })
  start?: string | null;

  @ApiPropertyOptional({ example: '2028-12-31', nullable: true, type: String })
  @IsOptional()
  @IsDateString({}, { message: 'end must be an ISO date' })
  end?: string | null;

  @ApiPropertyOptional({ type: [MilestoneDto] })
  @given('milestones')
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  @ApiPropertyOptional({ example: 250000, nullable: true, type: Number })
  @IsOptional()
  @IsNumber({}, { message: 'cost must be a number' })
  @Min(0)
  cost?: number | null;

  @ApiPropertyOptional({ type: [FundingShareDto] })
  @given('funding')
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FundingShareDto)
  funding?: FundingShareDto[];
}

export class UpdateMeasureMessage extends UpdateMeasureDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  measureId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** Deleting a drafted goal (with its measures) or measure. */
export class DeleteGoalMessage {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  goalId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class DeleteMeasureMessage {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  measureId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** Why an action field with weaknesses has no goal (schriftliche Begründung). */
export class SetJustificationDto {
  @ApiProperty({ enum: ACTION_FIELDS })
  @IsIn(ACTION_FIELDS as unknown as string[], { message: `actionFieldId ${ACTION_FIELD_MSG}` })
  actionFieldId!: ActionFieldId;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(5000)
  text!: string;
}

export class SetJustificationMessage extends SetJustificationDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/**
 * Submits the Handlungskonzept as a new Zielvereinbarung version. The fields with weaknesses
 * come from the quarter's Stärken-Schwächen-Profil; the caller may name further ones.
 */
export class SubmitConceptDto {
  @ApiProperty({ enum: ACTION_FIELDS, isArray: true, description: 'Further action fields to treat as weak; those with weaknesses in the profile always count' })
  @IsArray()
  @IsIn(ACTION_FIELDS as unknown as string[], { each: true, message: `weakActionFields ${ACTION_FIELD_MSG}` })
  weakActionFields!: ActionFieldId[];

  @ApiPropertyOptional({ example: '2027-01-01', description: 'Start of the three-year implementation window; default: today' })
  @IsOptional()
  @IsDateString({}, { message: 'windowStart must be an ISO date' })
  windowStart?: string;
}

export class SubmitConceptMessage extends SubmitConceptDto {
  @IsUUID('4')
  quarterId!: string;

  @IsString()
  @IsNotEmpty()
  quarterName!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['approved', 'sent_back'] })
  @IsIn(['approved', 'sent_back'], { message: 'decision must be approved or sent_back' })
  decision!: 'approved' | 'sent_back';

  @ApiPropertyOptional({ description: 'Required changes; mandatory when sending back' })
  @ValidateIf((o: ReviewDecisionDto) => o.decision === 'sent_back' || o.requiredChanges !== undefined)
  @RequiredText(5000, 'requiredChanges must not be empty when the concept is sent back')
  requiredChanges?: string;

  @ApiPropertyOptional({ enum: ['goals_workshop', 'decision_and_signing'] })
  @IsOptional()
  @IsIn(['goals_workshop', 'decision_and_signing'])
  loopTo?: 'goals_workshop' | 'decision_and_signing';

  @ApiPropertyOptional({ description: 'New deadline of the step it loops to (ISO date)' })
  @IsOptional()
  @IsDateString()
  newDue?: string;
}

export class ReviewDecisionMessage extends ReviewDecisionDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  versionId!: string;

  @ActingUser()
  actor!: ActorDto;
}

// ---- Implementation: annual reports and amendments ------------------------------------

const MEASURE_STATUS_MSG = `status must be one of ${DEFAULT_MEASURE_STATUSES.join(', ')}`;

export class ReportMeasureInputDto {
  @ApiProperty()
  @IsUUID('4', { message: 'measureId must be a UUID' })
  measureId!: string;

  @ApiProperty({ enum: DEFAULT_MEASURE_STATUSES })
  @IsIn(DEFAULT_MEASURE_STATUSES as unknown as string[], { message: MEASURE_STATUS_MSG })
  status!: string;

  @ApiPropertyOptional({ example: 'Bauantrag gestellt' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReportIndicatorInputDto {
  @ApiProperty({ example: 'Barrierearme Wohnungen' })
  @IsString()
  @IsNotEmpty({ message: 'key must not be empty' })
  @MaxLength(300)
  key!: string;

  @ApiProperty({ example: '24' })
  @IsString()
  @IsNotEmpty({ message: 'value must not be empty' })
  @MaxLength(300)
  value!: string;

  @ApiPropertyOptional({ description: 'The goal whose indicator this is' })
  @IsOptional()
  @IsUUID('4', { message: 'goalId must be a UUID' })
  goalId?: string;
}

export class ReportChangeInputDto {
  @ApiProperty({ example: 'Quartierstreff zieht in das Erdgeschoss von Nr. 12' })
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ example: 'Der bisherige Raum wird saniert' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

/** The content of an annual report (Jahresbericht); every part may be given or left as it is. */
export class AnnualReportContentDto {
  @ApiPropertyOptional({ type: [ReportMeasureInputDto], description: 'Status of measures of the agreement; measures not named keep their status' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReportMeasureInputDto)
  measures?: ReportMeasureInputDto[];

  @ApiPropertyOptional({ type: [ReportIndicatorInputDto], description: 'Updated indicator values; replaces the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportIndicatorInputDto)
  indicators?: ReportIndicatorInputDto[];

  @ApiPropertyOptional({ type: [ReportChangeInputDto], description: 'Changes with reasons; replaces the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportChangeInputDto)
  changes?: ReportChangeInputDto[];

  @ApiPropertyOptional({ description: 'Free text of the report' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;
}

export class CreateAnnualReportDto extends AnnualReportContentDto {
  @ApiProperty({ enum: REPORT_YEARS, description: 'Year of the implementation cycle' })
  @IsIn(REPORT_YEARS as unknown as number[], { message: `year must be one of ${REPORT_YEARS.join(', ')}` })
  year!: number;
}

export class CreateAnnualReportMessage extends CreateAnnualReportDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class UpdateAnnualReportMessage extends AnnualReportContentDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  reportId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class ReviewAnnualReportDto {
  @ApiProperty({ enum: ['accepted', 'returned'] })
  @IsIn(['accepted', 'returned'], { message: 'decision must be accepted or returned' })
  decision!: 'accepted' | 'returned';

  @ApiPropertyOptional({ description: 'Remarks; mandatory when the report is returned' })
  @ValidateIf((o: ReviewAnnualReportDto) => o.decision === 'returned' || o.remarks !== undefined)
  @RequiredText(5000, 'remarks must not be empty when the report is returned')
  remarks?: string;
}

export class ReviewAnnualReportMessage extends ReviewAnnualReportDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  reportId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** The new measure of a replacement or addition: owner and schedule are required (it joins a binding agreement). */
export class AmendmentMeasureDto {
  @ApiProperty({ example: 'Mobiler Quartierstreff' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty()
  @IsUUID('4', { message: 'ownerOrganisationId must be a UUID' })
  ownerOrganisationId!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUUID('4', { each: true, message: 'partnerOrganisationIds must be UUIDs' })
  partnerOrganisationIds?: string[];

  @ApiProperty({ enum: MEASURE_KINDS })
  @IsIn(MEASURE_KINDS as unknown as string[], { message: `kind must be one of ${MEASURE_KINDS.join(', ')}` })
  kind!: MeasureKind;

  @ApiPropertyOptional({ type: [String], enum: DEFAULT_TARGET_GROUPS })
  @IsOptional()
  @IsArray()
  @IsIn(DEFAULT_TARGET_GROUPS as unknown as string[], { each: true, message: TARGET_GROUP_MSG })
  targetGroups?: string[];

  @ApiProperty({ example: '2028-01-01' })
  @IsDateString({}, { message: 'start must be an ISO date' })
  start!: string;

  @ApiProperty({ example: '2029-06-30' })
  @IsDateString({}, { message: 'end must be an ISO date' })
  end!: string;

  @ApiPropertyOptional({ example: 50000 })
  @IsOptional()
  @IsNumber({}, { message: 'cost must be a number' })
  @Min(0)
  cost?: number;

  @ApiPropertyOptional({ type: [FundingShareDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FundingShareDto)
  funding?: FundingShareDto[];
}

/** One change of an amendment: replace or drop a measure of the agreement, or add one to a goal. */
export class AmendmentChangeDto {
  @ApiProperty({ enum: AMENDMENT_ACTIONS })
  @IsIn(AMENDMENT_ACTIONS as unknown as string[], { message: `action must be one of ${AMENDMENT_ACTIONS.join(', ')}` })
  action!: AmendmentAction;

  @ApiPropertyOptional({ description: 'The measure replaced or dropped' })
  @ValidateIf((o: AmendmentChangeDto) => o.action === 'replace' || o.action === 'drop')
  @IsUUID('4', { message: 'measureId must be the UUID of a measure of the agreement' })
  measureId?: string;

  @ApiPropertyOptional({ description: 'The goal a measure is added to' })
  @ValidateIf((o: AmendmentChangeDto) => o.action === 'add')
  @IsUUID('4', { message: 'goalId must be the UUID of a goal of the agreement' })
  goalId?: string;

  @ApiPropertyOptional({ type: AmendmentMeasureDto, description: 'The new measure (replace, add)' })
  @ValidateIf((o: AmendmentChangeDto) => o.action === 'replace' || o.action === 'add')
  @IsObject({ message: 'measure is required to replace or add a measure' })
  @ValidateNested()
  @Type(() => AmendmentMeasureDto)
  measure?: AmendmentMeasureDto;
}

/** Änderung der Zielvereinbarung: creates a new version that needs the signatures again and the programme office's acceptance. */
export class ProposeAmendmentDto {
  @ApiProperty({ example: 'Quartierstreff wird mobil' })
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(500)
  description!: string;

  @ApiProperty({ example: 'Der geplante Raum steht nicht zur Verfügung' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(5000)
  reason!: string;

  @ApiProperty({ type: [AmendmentChangeDto] })
  @IsArray({ message: 'changes must be a list' })
  @ArrayMinSize(1, { message: 'changes must name at least one change' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AmendmentChangeDto)
  changes!: AmendmentChangeDto[];
}

export class ProposeAmendmentMessage extends ProposeAmendmentDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class AcceptAmendmentMessage {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  amendmentId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** The programme office rejects an open amendment; the reason is required and shown to the partners. */
export class RejectAmendmentDto {
  @ApiProperty({ example: 'Die Finanzierung der Ersatzmaßnahme ist nicht nachgewiesen' })
  @IsString({ message: 'reason must not be empty' })
  @RequiredText(2000, 'reason must not be empty')
  reason!: string;
}

export class RejectAmendmentMessage extends RejectAmendmentDto {
  @IsUUID('4')
  quarterId!: string;

  @IsUUID('4')
  amendmentId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** The goals workshop (Zielvereinbarungsworkshop) on the drafted goals and measures. */
export class RecordGoalsWorkshopDto implements RecordGoalsWorkshopCommand {
  @ApiProperty({ example: '2026-09-15', description: 'Date of the workshop, YYYY-MM-DD' })
  @CalendarDate('date')
  date!: string;

  @ApiProperty({ example: 'Wohnungsunternehmen, Stadt, Quartiersmanagement, Seniorenbeirat' })
  @RequiredText(2000, 'participants must name who took part')
  participants!: string;

  @ApiPropertyOptional({ example: 'Ziele in allen vier Handlungsfeldern abgestimmt' })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  notes?: string;
}

export class RecordGoalsWorkshopMessage extends RecordGoalsWorkshopDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}
