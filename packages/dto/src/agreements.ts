import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_FIELDS,
  DEFAULT_MEASURE_STATUSES,
  DEFAULT_TARGET_GROUPS,
  FUNDING_SOURCES,
  MEASURE_KINDS,
  type ActionFieldId,
  type FundingSource,
  type MeasureKind,
} from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';

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
 * Submits the Handlungskonzept as a new Zielvereinbarung version. The analysis service has
 * no strengths-and-weaknesses profile yet, so the caller names the fields with weaknesses.
 */
export class SubmitConceptDto {
  @ApiProperty({ enum: ACTION_FIELDS, isArray: true, description: 'Action fields with weaknesses (from the Stärken-Schwächen-Profil)' })
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
  @IsString()
  @IsNotEmpty({ message: 'requiredChanges must not be empty when the concept is sent back' })
  @MaxLength(5000)
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
