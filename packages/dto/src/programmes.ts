import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import type { ProgrammeCalendar } from '@genq/domain';

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

  /** Its shape only: the actors service, which owns programmes, checks the calendar and lists every problem by field. */
  @ApiProperty({ description: 'Programme calendar: step deadlines and reminder policy as ISO-8601 durations' })
  @IsObject()
  calendar!: ProgrammeCalendar;
}
