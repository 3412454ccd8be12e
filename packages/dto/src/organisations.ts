import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  MEMBERSHIP_ROLES,
  ORGANISATION_TYPES,
  type AddMembershipCommand,
  type CreateOrganisationCommand,
  type MembershipRole,
  type MergeOrganisationCommand,
  type OrganisationType,
} from '@genq/contracts';
import { ActingUser, ActorDto } from './auth';
import { CreateQuarterDto } from './quarters';
import { UpsertProgrammeDto } from './programmes';

/** Registers an organisation (housing company, municipality, ...) in a programme. */
export class CreateOrganisationDto implements CreateOrganisationCommand {
  @ApiProperty({ example: 'DOGEWO21 Dortmunder Gemeinnützige Wohnungsgesellschaft mbH' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES as unknown as string[], { message: `type must be one of ${ORGANISATION_TYPES.join(', ')}` })
  type!: OrganisationType;

  @ApiPropertyOptional({ example: '05913000', description: 'Amtlicher Gemeindeschlüssel (AGS) of a municipality' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'ags must be the 8-digit Amtlicher Gemeindeschlüssel' })
  ags?: string;

  @ApiProperty({ example: 'genq-nrw-2026', description: 'Programme that registers the organisation' })
  @IsString()
  @IsNotEmpty({ message: 'programmeId must not be empty' })
  @MaxLength(100)
  programmeId!: string;
}

export class CreateOrganisationMessage extends CreateOrganisationDto {
  @ActingUser()
  actor!: ActorDto;
}

/** Merges the path's organisation (a duplicate) into another of the same kind and programme. */
export class MergeOrganisationDto implements MergeOrganisationCommand {
  @ApiProperty({ description: 'The organisation kept; the duplicate (the path) is removed' })
  @IsUUID('4', { message: 'into must be a UUID' })
  into!: string;

  @ApiProperty({ example: 'Doppelt angelegt: „DOGEWO21“ und „Dogewo 21“', description: 'Why, for the audit log' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class MergeOrganisationMessage extends MergeOrganisationDto {
  /** The duplicate. */
  @IsUUID('4')
  id!: string;

  @ActingUser()
  actor!: ActorDto;
}

/**
 * An organisation takes part in a quarter in a role; its partner users then see the quarter.
 * Name the organisation, a person of it (the person's organisation then takes part), or both.
 */
export class AddMembershipDto implements AddMembershipCommand {
  @ApiPropertyOptional({ description: 'Required unless personId is given' })
  @ValidateIf((o: AddMembershipDto) => o.organisationId !== undefined || o.personId === undefined)
  @IsUUID('4', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'A person of the organisation, named for it in this quarter' })
  @IsOptional()
  @IsUUID('4', { message: 'personId must be a UUID' })
  personId?: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  @IsIn(MEMBERSHIP_ROLES as unknown as string[], { message: `role must be one of ${MEMBERSHIP_ROLES.join(', ')}` })
  role!: MembershipRole;
}

export class AddMembershipMessage extends AddMembershipDto {
  @IsUUID('4')
  quarterId!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** `actors.quarters.create` on behalf of a user. */
export class CreateQuarterMessage extends CreateQuarterDto {
  @ActingUser()
  actor!: ActorDto;
}

/** `actors.programmes.upsert` on behalf of a user. */
export class UpsertProgrammeMessage extends UpsertProgrammeDto {
  @ActingUser()
  actor!: ActorDto;
}
