import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LAENDER, type CreateQuarterCommand, type StartPosition } from '@genq/contracts';

export class StartPositionDto implements StartPosition {
  @ApiProperty({ enum: ['development', 'implementation'] })
  @IsIn(['development', 'implementation'])
  phase!: 'development' | 'implementation';

  @ApiPropertyOptional({ description: 'Development step key to start at, e.g. "analysis"' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+$/, { message: 'stepKey must be a step key such as "analysis"' })
  stepKey?: string;
}

/** Registering a quarter (Quartier) in a programme; starts its lifecycle workflow. */
export class CreateQuarterDto implements CreateQuarterCommand {
  @ApiProperty({ example: 'Dortmund-Scharnhorst Ost', description: 'Name of the quarter (Quartier)' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Dortmund', description: 'Municipality (Kommune)' })
  @IsString()
  @IsNotEmpty({ message: 'municipality must not be empty' })
  @MaxLength(200)
  municipality!: string;

  @ApiPropertyOptional({ example: 'Kreisfreie Stadt Dortmund', description: 'Kreis (district)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  kreis?: string;

  @ApiProperty({ enum: LAENDER, example: 'Nordrhein-Westfalen', description: 'Land (federal state)' })
  @IsIn(LAENDER as unknown as string[], { message: 'land must be one of the 16 Länder' })
  land!: string;

  @ApiProperty({ example: 'Wohnungsbaugesellschaft Dortmund eG', description: 'Lead housing company (Wohnungsunternehmen)' })
  @IsString()
  @IsNotEmpty({ message: 'housingCompany must not be empty' })
  @MaxLength(200)
  housingCompany!: string;

  @ApiProperty({ example: 'genq-nrw-2026', description: 'Programme the quarter joins' })
  @IsString()
  @IsNotEmpty({ message: 'programmeId must not be empty' })
  @MaxLength(100)
  programmeId!: string;

  @ApiPropertyOptional({
    description:
      'For quarters that were already in the programme before GenQ: when their development phase started (the schedule origin). Defaults to now.',
  })
  @IsOptional()
  @IsDateString({}, { message: 'startedAt must be an ISO-8601 date' })
  startedAt?: string;

  @ApiPropertyOptional({ type: StartPositionDto, description: 'For quarters joining mid-process: where their process stands.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StartPositionDto)
  startAt?: StartPositionDto;
}

/** The file of a bulk admission of quarters (issue 16), as JSON: the route also takes the file itself. */
export class ImportQuartersDto {
  @ApiPropertyOptional({ description: 'The CSV file made from GET /api/quarters/import/template.csv (`;` or `,` separated)' })
  @IsOptional()
  @IsString()
  csv?: string;

  @ApiPropertyOptional({ description: 'Or the Excel workbook made from GET /api/quarters/import/template.xlsx, base64-encoded' })
  @IsOptional()
  @IsString()
  xlsxBase64?: string;
}
