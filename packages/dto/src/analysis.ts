import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { IndicatorValueInput, RatingInput } from '@genq/contracts';

/**
 * The shape of the quarter analysis bodies. Whether an indicator, criterion, unit, kind,
 * rating or target group exists is the catalogue's business: the analysis service checks
 * that against the quarter's pinned catalogue version and answers 400 per field.
 */
export class IndicatorValueInputDto implements IndicatorValueInput {
  @ApiProperty({ example: 'flats_barrier_free', description: 'Indicator id of the catalogue' })
  @IsString()
  @MaxLength(100)
  indicatorId!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Reference date (Stichtag), YYYY-MM-DD' })
  @IsString()
  @MaxLength(10)
  referenceDate!: string;

  @ApiProperty({ example: 120 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  value!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bestandsdaten Wohnungsunternehmen 2025' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string | null;

  @ApiPropertyOptional({ enum: ['input', 'output', 'context'], description: 'Checked against the catalogue when given' })
  @IsOptional()
  @IsIn(['input', 'output', 'context'], { message: 'kind must be input, output or context' })
  kind?: 'input' | 'output' | 'context';

  @ApiPropertyOptional({ example: 'Wohnungen', description: 'Checked against the catalogue when given' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;
}

export class UpsertIndicatorValuesDto {
  @ApiProperty({ type: [IndicatorValueInputDto], description: 'Upserted by indicator and reference date; others stay' })
  @IsArray()
  @ArrayNotEmpty({ message: 'values must not be empty' })
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueInputDto)
  values!: IndicatorValueInputDto[];
}

export class ImportIndicatorValuesDto {
  @ApiPropertyOptional({ description: 'The CSV file made from GET /api/analysis/template.csv (`;` or `,` separated)' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  csv?: string;

  @ApiPropertyOptional({ description: 'Or the Excel workbook made from GET /api/analysis/template.xlsx, base64-encoded' })
  @IsOptional()
  @IsString()
  @MaxLength(1_400_000)
  xlsxBase64?: string;
}

export class RatingInputDto implements RatingInput {
  @ApiProperty({ example: 'HF2.1', description: 'Criterion id of the catalogue' })
  @IsString()
  @MaxLength(50)
  criterionId!: string;

  @ApiProperty({ example: 2, description: "A value of the catalogue's rating scale" })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'rating must be a number' })
  rating!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Evidence (Belege) for the rating' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  evidence?: string | null;

  @ApiPropertyOptional({ example: ['Seniorinnen und Senioren'], description: "Target groups of the catalogue" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  targetGroups?: string[];
}

export class UpsertRatingsDto {
  @ApiProperty({ type: [RatingInputDto], description: 'Upserted by criterion; others stay' })
  @IsArray()
  @ArrayNotEmpty({ message: 'ratings must not be empty' })
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RatingInputDto)
  ratings!: RatingInputDto[];
}

export class RecordPrioritiesDto {
  @ApiProperty({ example: ['HF2', 'HF3.4'], description: 'Priorities of the strategy workshop: action field or criterion ids' })
  @IsArray()
  @ArrayNotEmpty({ message: 'priorities must not be empty' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  priorities!: string[];
}
