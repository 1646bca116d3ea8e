import { PageQueryDto } from '@roundtable/api-platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  WorkingGroupRole,
  type AddMemberRequest,
  type ChangeMemberRoleRequest,
  type CoChairHandover,
  type RemoveMemberRequest,
  type SetTermRequest,
} from '@roundtable/contracts';

const ROLES = Object.values(WorkingGroupRole);

/** Names the successor, or (coordinators) confirms a vacancy, when a co-chair steps down or leaves. */
class HandoverDto implements CoChairHandover {
  @ApiPropertyOptional({ description: 'A person based in the same region who becomes co-chair in the same change' })
  @IsOptional()
  @IsUUID('4', { message: 'successorPersonId must be a UUID' })
  successorPersonId?: string;

  @ApiPropertyOptional({ description: 'Coordinators: the co-chair seat stays vacant, for this reason' })
  @IsOptional()
  @IsString({ message: 'vacancyReason must be text' })
  @Length(1, 1000, { message: 'vacancyReason must be 1 to 1000 characters' })
  vacancyReason?: string;
}

export class AddMemberDto extends HandoverDto implements AddMemberRequest {
  @ApiProperty() @IsUUID('4', { message: 'personId must be a UUID' }) personId!: string;
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: WorkingGroupRole;
}

export class ChangeMemberRoleDto extends HandoverDto implements ChangeMemberRoleRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: WorkingGroupRole;

  @ApiPropertyOptional({ description: 'End the membership on this day (YYYY-MM-DD, not in the future)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'leftOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'leftOn must be a date (YYYY-MM-DD)' })
  leftOn?: string;
}

export class RemoveMemberDto extends HandoverDto implements RemoveMemberRequest {}

/** A date (YYYY-MM-DD) that is a real day of the calendar. */
function DayField(field: string): PropertyDecorator {
  return (target, key) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date (YYYY-MM-DD)` })(target, key);
    IsISO8601({ strict: true }, { message: `${field} must be a date (YYYY-MM-DD)` })(target, key);
  };
}

export class SetTermDto implements SetTermRequest {
  @ApiPropertyOptional({ description: 'The last day of the term (YYYY-MM-DD); absent clears the term end' })
  @IsOptional()
  @DayField('termEndsOn')
  termEndsOn?: string;
}

/** The members list's query: a page (ADR 029); `includePast=true` adds members who left (history). */
export class MemberListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true to include members who left (history)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includePast must be true or false' })
  includePast?: 'true' | 'false';
}
