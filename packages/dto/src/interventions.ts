import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INTERVENTION_KINDS, type InterventionKind, type ProcessEvent } from '@genq/contracts';

export class ResponsibleDto {
  @ApiProperty({ example: 'Petra Schmidt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'p.schmidt@dogewo21.example' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

/**
 * An operator's intervention on a quarter. The fields each kind needs are checked by the
 * quarter's workflow, which refuses with a reason when the intervention does not apply.
 */
export class InterventionDto {
  @ApiProperty({ enum: INTERVENTION_KINDS })
  @IsIn(INTERVENTION_KINDS as unknown as string[], { message: `kind must be one of ${INTERVENTION_KINDS.join(', ')}` })
  kind!: InterventionKind;

  @ApiProperty({ description: 'Why; mandatory, kept in the audit log', example: 'Ratsbeschluss verschoben (Kommunalwahl)' })
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Step or report key, e.g. "analysis" or "report_1_2"' })
  @IsOptional()
  @Matches(/^[a-z0-9_]+$/, { message: 'key must be a step or report key' })
  key?: string;

  @ApiPropertyOptional({ description: 'extend_deadline: move every remaining deadline' })
  @IsOptional()
  @IsBoolean()
  shiftAll?: boolean;

  @ApiPropertyOptional({ description: 'extend_deadline: the deadline each quarter is chasing now (the open one due first), without naming it; for batches over quarters in different steps' })
  @IsOptional()
  @IsBoolean()
  current?: boolean;

  @ApiPropertyOptional({ description: 'extend_deadline: ISO-8601 duration to add', example: 'P14D' })
  @IsOptional()
  @Matches(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, { message: 'by must be an ISO-8601 duration such as P14D' })
  by?: string;

  @ApiPropertyOptional({ description: 'extend_deadline / reopen_step: new due date' })
  @IsOptional()
  @IsDateString({}, { message: 'until must be an ISO-8601 date' })
  until?: string;

  @ApiPropertyOptional({ type: ResponsibleDto, description: 'reassign: the new responsible person' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible?: ResponsibleDto;
}

export class BatchInterventionDto {
  @ApiProperty({ description: 'react-admin filter over quarters, e.g. {"land":"Niedersachsen","stalled":true}' })
  @IsObject()
  filter!: Record<string, unknown>;

  @ApiProperty({ type: InterventionDto })
  @ValidateNested()
  @Type(() => InterventionDto)
  intervention!: InterventionDto;
}

/**
 * Events reported by hand: only decisions that no service owns. Every development step
 * completes by its deliverable on its owning service (kick-off record, analysis, strategy
 * workshop priorities, participation record, goals workshop, signatures, review), and the
 * facts of the implementation phase (milestones, reports, measures, amendments) likewise: the service
 * records the fact with the change and the process hears of it from the event stream, so the
 * two can never disagree.
 */
const EVENT_TYPES: ProcessEvent['type'][] = ['reaudit_decided'];

/**
 * A domain event reported to a quarter's process. Services send these as they happen; the
 * programme office records review and Bilanzierung decisions with them. Fields beyond `type`
 * and `eventId` depend on the type and are checked by the workflow.
 */
export class ProcessEventDto {
  @ApiProperty({ description: 'Idempotency key: the same event twice changes nothing', example: 'analysis-submitted-2027-03-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  eventId!: string;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES, { message: `type must be one of ${EVENT_TYPES.join(', ')} (every step and every fact with an owning service is recorded through its own route: kick-off, analysis, priorities, participation record, goals workshop, signatures, review, milestones, reports, measures, amendments)` })
  type!: ProcessEvent['type'];

  @ApiPropertyOptional() @IsOptional() @IsIn(['strategy_workshop', 'goals_workshop']) workshop?: 'strategy_workshop' | 'goals_workshop';
  @ApiPropertyOptional() @IsOptional() @IsIn(['approved', 'sent_back', 'renewed', 'expired']) decision?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['goals_workshop', 'decision_and_signing']) loopTo?: 'goals_workshop' | 'decision_and_signing';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) newDue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) requiredChanges?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) measureId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) amendmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ description: 'amendment_rejected: why the programme office rejects it' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['housing_company', 'municipality']) party?: 'housing_company' | 'municipality';
  @ApiPropertyOptional({ description: 'milestone_reached: the milestone key' })
  @IsOptional()
  @Matches(/^[a-z0-9_]+$/, { message: 'key must be a milestone key' })
  key?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() at?: string;
}
