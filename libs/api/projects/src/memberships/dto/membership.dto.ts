import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { WorkingGroupRole, type AddMemberRequest, type ChangeMemberRoleRequest } from '@roundtable/contracts';

const ROLES = Object.values(WorkingGroupRole);

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty() @IsUUID('4', { message: 'personId must be a UUID' }) personId!: string;
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: WorkingGroupRole;
}

export class ChangeMemberRoleDto implements ChangeMemberRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: WorkingGroupRole;
}
