import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PARTICIPATION_EVENT_TYPES,
  type CreateParticipationEventCommand,
  type ParticipantsByAgeGroup,
  type ParticipationEventType,
  type QuarterBoundary,
  type UpdateQuarterDetailsCommand,
} from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';

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
  @IsString({ message: 'date must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a date YYYY-MM-DD' })
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
