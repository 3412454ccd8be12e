import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { calendarProblems, type ProgrammeCalendar } from '@genq/domain';

/** A programme calendar whose steps and reminder periods are ISO-8601 durations. */
export function IsProgrammeCalendar(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProgrammeCalendar',
      validator: {
        validate: (value: unknown) => calendarProblems(value, 'calendar').length === 0,
        defaultMessage: (args) => calendarProblems(args?.value, 'calendar').join('; '),
      },
    },
    options,
  );
}

/** Creates or replaces a programme. Quarters already running keep the calendar they started with. */
export class UpsertProgrammeDto {
  @ApiProperty({ example: 'genq-nrw-2026', description: 'Stable id, lower case with dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,98}$/, { message: 'id must be lower case letters, digits and dashes' })
  id!: string;

  @ApiProperty({ example: 'Generationengerechtes Wohnen im Quartier NRW 2026' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'genq-default' })
  @IsString()
  @IsNotEmpty()
  catalogueId!: string;

  @ApiProperty({ example: '1.0.0' })
  @IsString()
  @IsNotEmpty()
  catalogueVersion!: string;

  @ApiProperty({ description: 'Programme calendar: step deadlines and reminder policy as ISO-8601 durations' })
  @IsObject()
  @IsProgrammeCalendar()
  calendar!: ProgrammeCalendar;
}
