import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ROLES,
  type Actor,
  type AuditActor,
  type AuditRecordCommand,
  type CreateAccountCommand,
  type LoginCommand,
  type RefreshCommand,
  type Role,
  type UpdateAccountCommand,
} from '@genq/contracts';

/** Passwords: long enough to resist guessing, short enough that hashing cannot be used to exhaust the CPU. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const PROGRAMME_ID = /^[a-z0-9][a-z0-9-]{1,98}$/;

export class LoginDto implements LoginCommand {
  @ApiProperty({ example: 'admin@genq.example' })
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'GenQ-Demo-2026!' })
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  // Longer inputs are refused before they reach the hash function.
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto implements RefreshCommand {
  @ApiProperty({ description: 'The refresh token of the last login or refresh; each one works once' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

/** Logout ends the session the refresh token belongs to. */
export class LogoutDto extends RefreshDto {}

/** The acting user as the gateway resolved it, validated again by the receiving service. */
export class ActorDto implements Actor {
  @IsString()
  @IsNotEmpty()
  userId!: string;

  @IsString()
  email!: string;

  @IsIn(ROLES as unknown as string[])
  role!: Role;

  @IsArray()
  @IsString({ each: true })
  programmeIds!: string[];

  @ValidateIf((_o, v) => v !== null)
  @IsString()
  organisationId!: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  requestId?: string;
}

/** The `actor` field of a message sent on a user's behalf: required, and validated as an {@link ActorDto}. */
export function ActingUser(): PropertyDecorator {
  return (target, key) => {
    IsObject({ message: 'actor is required: the user on whose behalf the service acts' })(target, key);
    ValidateNested()(target, key);
    Type(() => ActorDto)(target, key);
  };
}

export class CreateAccountDto implements CreateAccountCommand {
  @ApiProperty({ example: 'partner.dortmund@genq.example', description: 'Unique, case-insensitive' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Petra Schmidt' })
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ type: [String], description: 'Programmes of a programme_admin, operator or viewer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(PROGRAMME_ID, { each: true, message: 'programmeIds must be programme ids' })
  programmeIds?: string[];

  @ApiPropertyOptional({ description: 'Organisation of a partner or facilitator' })
  @IsOptional()
  @IsUUID('4', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'May sign agreements for the organisation (Zeichnungsbefugnis)' })
  @IsOptional()
  @IsBoolean()
  canSign?: boolean;
}

/** `actors.accounts.create`: the account and who creates it. */
export class CreateAccountMessage extends CreateAccountDto {
  @ActingUser()
  actor!: ActorDto;
}

/** A programme admin's change of an account: only what is given changes. */
export class UpdateAccountDto implements UpdateAccountCommand {
  @ApiPropertyOptional({ example: 'Petra Schmidt' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as unknown as string[])
  role?: Role;

  @ApiPropertyOptional({ type: [String], description: 'Programmes of a programme_admin, operator or viewer; replaces those of yours (grants of programmes outside yours stay)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(PROGRAMME_ID, { each: true })
  programmeIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Organisation of a partner or facilitator; null for a programme role' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('4')
  organisationId?: string | null;

  @ApiPropertyOptional({ description: 'May sign agreements for the organisation (Zeichnungsbefugnis)' })
  @IsOptional()
  @IsBoolean()
  canSign?: boolean;

  @ApiPropertyOptional({ description: 'true deactivates (every session ends at once), false reactivates (and lifts a lockout)' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

/** `actors.accounts.update`: the change, the account and who changes it. */
export class UpdateAccountMessage extends UpdateAccountDto {
  @IsUUID('4')
  id!: string;

  @ActingUser()
  actor!: ActorDto;
}

/** `actors.accounts.reset-password`: the account and who resets its password. */
export class ResetPasswordMessage {
  @IsUUID('4')
  id!: string;

  @ActingUser()
  actor!: ActorDto;
}

export class AuditActorDto implements AuditActor {
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  userId!: string | null;

  @ValidateIf((_o, v) => v !== null)
  @IsString()
  email!: string | null;

  @IsIn([...ROLES, 'system'])
  role!: Role | 'system';
}

/** `actors.audit.record`: one entry for the append-only log. */
export class AuditRecordMessage implements AuditRecordCommand {
  @IsObject({ message: 'actor is required' })
  @ValidateNested()
  @Type(() => AuditActorDto)
  actor!: AuditActorDto;

  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'action must be a dotted lower-case verb such as quarter.create' })
  action!: string;

  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'resourceType must be a lower-case name such as quarter' })
  resourceType!: string;

  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  resourceId!: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(100)
  programmeId?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(36)
  quarterId?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @IsOptional()
  before?: unknown;

  @IsOptional()
  after?: unknown;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(100)
  requestId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  key?: string;
}
