import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@roundtable/api-platform';
import { AUDIT_ACTIONS, type AuditAction } from '@roundtable/contracts';

/** The audit log's filters (each optional, combined with AND). */
export class AuditFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS as unknown as string[], { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Who did it (a user id).' })
  @IsOptional()
  @IsUUID('all', { message: 'actorUserId must be a UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({ description: 'What it was done to (any id).' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601), inclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (ISO 8601), exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}
