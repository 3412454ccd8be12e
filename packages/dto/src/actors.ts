import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PARTICIPATION_EVENT_TYPES,
  type CloseParticipationCommand,
  type CreateParticipationEventCommand,
  type ParticipationProposal,
  type RecordKickoffCommand,
  type ParticipantsByAgeGroup,
  type ParticipationEventType,
  type QuarterBoundary,
  type UpdateQuarterDetailsCommand,
} from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';
import { CalendarDate } from './dates';

const count = (group: string) => [
  IsOptional(),
  IsInt({ message: `participants.${group} must be a whole number` }),
  Min(0, { message: `participants.${group} must not be negative` }),
  Max(100_000, { message: `participants.${group} must be at most 100000` }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

/** Participants counted per age group; groups left out count 0. */
export class ParticipantsDto implements Partial<ParticipantsByAgeGroup> {
  @ApiPropertyOptional({ example: 3 }) @apply(count('0-5')) '0-5'?: number;
  @ApiPropertyOptional({ example: 12 }) @apply(count('6-17')) '6-17'?: number;
  @ApiPropertyOptional({ example: 25 }) @apply(count('18-64')) '18-64'?: number;
  @ApiPropertyOptional({ example: 9 }) @apply(count('65-79')) '65-79'?: number;
  @ApiPropertyOptional({ example: 4 }) @apply(count('80+')) '80+'?: number;
}

/** A participation event (workshop, survey, quarter walk, conference) of a quarter. */
export class CreateParticipationEventDto implements CreateParticipationEventCommand {
  @ApiProperty({ enum: PARTICIPATION_EVENT_TYPES })
  @IsIn(PARTICIPATION_EVENT_TYPES as unknown as string[], { message: `type must be one of ${PARTICIPATION_EVENT_TYPES.join(', ')}` })
  type!: ParticipationEventType;

  @ApiProperty({ example: '2026-03-14', description: 'Calendar date, YYYY-MM-DD' })
  @CalendarDate('date')
  date!: string;

  @ApiPropertyOptional({ type: ParticipantsDto })
  @IsOptional()
  @IsObject({ message: 'participants must be an object of counts per age group' })
  @ValidateNested()
  @Type(() => ParticipantsDto)
  participants?: ParticipantsDto;

  @ApiPropertyOptional({ example: 'Wunsch nach Treffpunkt für Ältere; Spielplatz sanieren' })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'outcome must be at most 4000 characters' })
  outcome?: string;
}

export class CreateParticipationEventMessage extends CreateParticipationEventDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

const figure = (name: string, max: number) => [
  ValidateIf((_o: unknown, v: unknown) => v !== null && v !== undefined),
  IsInt({ message: `${name} must be a whole number` }),
  Min(0, { message: `${name} must not be negative` }),
  Max(max, { message: `${name} must be at most ${max}` }),
];

/** The size figures and boundary of a quarter; a field left out stays, null clears it. */
export class UpdateQuarterDetailsDto implements UpdateQuarterDetailsCommand {
  @ApiPropertyOptional({ example: 1850, nullable: true, description: 'Flats (Wohnungen) in the quarter' })
  @apply(figure('flats', 1_000_000))
  flats?: number | null;

  @ApiPropertyOptional({ example: 4200, nullable: true, description: 'Residents (Einwohner)' })
  @apply(figure('residents', 10_000_000))
  residents?: number | null;

  @ApiPropertyOptional({ example: 38.5, nullable: true, description: 'Area in hectares' })
  @ValidateIf((_o: unknown, v: unknown) => v !== null && v !== undefined)
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false }, { message: 'areaHa must be a number of hectares' })
  @Min(0, { message: 'areaHa must not be negative' })
  @Max(100_000, { message: 'areaHa must be at most 100000' })
  areaHa?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'GeoJSON Polygon or MultiPolygon, [longitude, latitude]' })
  @ValidateIf((_o: unknown, v: unknown) => v !== null && v !== undefined)
  @IsObject({ message: 'boundary must be a GeoJSON Polygon or MultiPolygon object' })
  boundary?: QuarterBoundary | null;
}

export class UpdateQuarterDetailsMessage extends UpdateQuarterDetailsDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** The kick-off record (Auftakt): project leads on both sides, the facilitator, the declaration of participation. */
export class RecordKickoffDto implements RecordKickoffCommand {
  @ApiProperty({ example: '2026-02-10', description: 'Date of the kick-off meeting, YYYY-MM-DD' })
  @CalendarDate('date')
  date!: string;

  @ApiProperty({ format: 'uuid', description: 'The person who leads the project for the housing company' })
  @IsUUID('4', { message: 'housingCompanyLeadId must name a person (id)' })
  housingCompanyLeadId!: string;

  @ApiProperty({ format: 'uuid', description: 'The person who leads the project for the municipality' })
  @IsUUID('4', { message: 'municipalityLeadId must name a person (id)' })
  municipalityLeadId!: string;

  @ApiProperty({ format: 'uuid', description: 'The person who facilitates the process (Prozessbegleitung)' })
  @IsUUID('4', { message: 'facilitatorId must name a person (id)' })
  facilitatorId!: string;

  @ApiProperty({ example: '2026-02-10', description: 'Date the declaration of participation was signed, YYYY-MM-DD' })
  @CalendarDate('declarationSignedOn')
  declarationSignedOn!: string;

  @ApiPropertyOptional({ example: 'Auftakt im Stadtteilbüro mit Wohnungsunternehmen, Stadt und Quartiersmanagement' })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  notes?: string;
}

export class RecordKickoffMessage extends RecordKickoffDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class ParticipationProposalDto implements ParticipationProposal {
  @ApiProperty({ example: 'Treffpunkt für alle Generationen am Marktplatz' })
  @IsString({ message: 'each proposal needs a text' })
  @Length(1, 2000, { message: 'each proposal needs a text of at most 2000 characters' })
  text!: string;

  @ApiPropertyOptional({ type: String, example: 'wohnen', nullable: true, description: 'The action field it belongs to, if any' })
  @IsOptional()
  @IsString({ message: 'actionFieldId must be an action field id' })
  @MaxLength(100, { message: 'actionFieldId must be an action field id' })
  actionFieldId?: string | null;
}

/** Closes the Beteiligungsphase with the proposals collected (the participation record). */
export class CloseParticipationDto implements CloseParticipationCommand {
  @ApiProperty({ example: '2026-08-31', description: 'Date the participation phase closed, YYYY-MM-DD' })
  @CalendarDate('closedOn')
  closedOn!: string;

  @ApiProperty({ type: [ParticipationProposalDto], description: 'The proposals residents and partners made (at least one)' })
  @IsArray({ message: 'proposals must be a list of proposals' })
  @ArrayMinSize(1, { message: 'proposals must name at least one proposal' })
  @ArrayMaxSize(500, { message: 'proposals must be at most 500' })
  @ValidateNested({ each: true })
  @Type(() => ParticipationProposalDto)
  proposals!: ParticipationProposalDto[];

  @ApiPropertyOptional({ example: 'Drei Workshops, eine Befragung; Schwerpunkt Treffpunkte und Wege' })
  @IsOptional()
  @IsString({ message: 'summary must be text' })
  @MaxLength(4000, { message: 'summary must be at most 4000 characters' })
  summary?: string;
}

export class CloseParticipationMessage extends CloseParticipationDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}
