import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { CreateSavedViewCommand } from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';

export class SavedViewSortDto {
  @ApiProperty({ example: 'name' })
  @IsString({ message: 'sort.field must be a field name' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, { message: 'sort.field must be a field name' })
  field!: string;

  @ApiProperty({ enum: ['ASC', 'DESC'] })
  @IsIn(['ASC', 'DESC'], { message: 'sort.order must be ASC or DESC' })
  order!: 'ASC' | 'DESC';
}

/** A named filter of a list, shared with everyone of the creator's role. */
export class CreateSavedViewDto implements CreateSavedViewCommand {
  @ApiProperty({ example: 'quarters', description: 'The list, e.g. quarters or audit-log' })
  @IsString({ message: 'resource must be the name of a list' })
  @Matches(/^[a-z][a-z0-9-]{0,59}$/, { message: 'resource must be the name of a list (lower case letters, digits, dashes)' })
  resource!: string;

  @ApiProperty({ example: 'Stockende Quartiere in Bayern' })
  @IsString({ message: 'name is required' })
  @Matches(/\S/, { message: 'name is required' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { land: 'Bayern', stalled: true }, description: 'The list filter, as the list takes it' })
  @IsObject({ message: 'filter must be an object' })
  filter!: Record<string, unknown>;

  @ApiPropertyOptional({ type: SavedViewSortDto, nullable: true })
  @IsOptional()
  @ValidateIf((_o: unknown, v: unknown) => v !== null)
  @IsObject({ message: 'sort must be { field, order }' })
  @ValidateNested()
  @Type(() => SavedViewSortDto)
  sort?: SavedViewSortDto | null;
}

export class CreateSavedViewMessage extends CreateSavedViewDto {
  @ActingUser()
  actor!: ActorDto;
}

