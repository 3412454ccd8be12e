import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INCIDENT_ACTIONS, type IncidentAction } from '@genq/contracts';

/** A repair action (issue 18) over one incident (`id`) or the open incidents a list filter matches (`filter`). */
export class IncidentActionDto {
  @ApiProperty({ enum: INCIDENT_ACTIONS, description: 'retry (reset the backoff), pause, resume (an activity), reset (the workflow to its last good workflow task), cancel (a batch)' })
  @IsIn(INCIDENT_ACTIONS)
  action!: IncidentAction;

  @ApiProperty({ example: 'Akteursdienst wieder erreichbar', description: 'Why; recorded in the audit log' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ description: 'One incident' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ description: 'react-admin filter over the open incidents, e.g. {"activityType":"projectProcessState"}' })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}
