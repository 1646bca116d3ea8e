import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { MembershipDto } from '@roundtable/contracts';
import { Policy, type PolicyDeclaration } from '@roundtable/api-platform';
import { UuidParamPipe } from '../uuid-param.pipe';
import { AddMemberDto, ChangeMemberRoleDto } from './dto/membership.dto';
import { MembershipsService } from './memberships.service';

const MANAGE_MEMBERS: PolicyDeclaration = {
  action: 'workingGroup.manageMembers',
  resource: { type: 'workingGroup', param: 'id' },
  denied: "Only the project's coordinators and this group's co-chairs manage its members.",
};

@ApiTags('working-groups')
@Controller('working-groups/:id/members')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Policy({ read: { type: 'workingGroup', param: 'id' } })
  @Get()
  @ApiQuery({ name: 'includePast', required: false, description: 'true to include members who left (history)' })
  list(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('includePast') includePast?: string,
  ): Promise<MembershipDto[]> {
    return this.memberships.list(id, includePast === 'true');
  }

  @Policy(MANAGE_MEMBERS)
  @Post()
  @ApiForbiddenResponse({ description: "Only coordinators and the group's co-chairs manage members." })
  @ApiConflictResponse({ description: 'CO_CHAIR_RULE: one co-chair based in Europe and one based in China.' })
  add(@Param('id', new UuidParamPipe('id')) id: string, @Body() body: AddMemberDto): Promise<MembershipDto> {
    return this.memberships.add(id, body.personId, body.role);
  }

  @Policy(MANAGE_MEMBERS)
  @Patch(':personId')
  changeRole(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MembershipDto> {
    return this.memberships.changeRole(id, personId, body.role);
  }

  @Policy(MANAGE_MEMBERS)
  @Delete(':personId')
  @HttpCode(204)
  async remove(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
  ): Promise<void> {
    await this.memberships.remove(id, personId);
  }
}
