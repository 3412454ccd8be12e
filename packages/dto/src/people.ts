import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { CreatePersonCommand, UpdatePersonCommand } from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';

/** A person of an organisation: the least personal data the process needs. */
export class CreatePersonDto implements CreatePersonCommand {
  @ApiProperty({ description: 'The organisation the person works for' })
  @IsUUID('4', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ example: 'Dr. Anna Schmidt' })
  @IsString({ message: 'name must not be empty' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'Geschäftsführerin', description: 'Role or function in the organisation, free text' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'role must be at most 200 characters' })
  role?: string;

  @ApiPropertyOptional({ example: 'anna.schmidt@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email?: string;

  @ApiPropertyOptional({ example: '+49 231 123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()/-]{3,40}$/, { message: 'phone must be a phone number (digits, spaces, + ( ) / -)' })
  phone?: string;

  @ApiPropertyOptional({ default: false, description: 'Zeichnungsbefugnis: may sign agreements for the organisation' })
  @IsOptional()
  @IsBoolean({ message: 'signingAuthority must be true or false' })
  signingAuthority?: boolean;

  @ApiPropertyOptional({ description: 'Login account of the person (same organisation); its signing authority then comes from the person' })
  @IsOptional()
  @IsUUID('4', { message: 'accountId must be a UUID' })
  accountId?: string;
}

/** PUT: the editable fields in full; a field left out is cleared. */
export class UpdatePersonDto extends CreatePersonDto implements UpdatePersonCommand {}

export class CreatePersonMessage extends CreatePersonDto {
  @ActingUser()
  actor!: ActorDto;
}

export class UpdatePersonMessage extends UpdatePersonDto {
  @IsUUID('4')
  id!: string;

  @ActingUser()
  actor!: ActorDto;
}
