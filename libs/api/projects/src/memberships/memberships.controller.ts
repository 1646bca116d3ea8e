import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { MembershipDto } from '@roundtable/contracts';
import { Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '../uuid-param.pipe';
import { AddMemberDto, ChangeMemberRoleDto } from './dto/membership.dto';
import { MembershipsService } from './memberships.service';

@ApiTags('working-groups')
@Controller('working-groups/:id/members')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Policy('project.read')
  @Get()
  @ApiQuery({ name: 'includePast', required: false, description: 'true to include members who left (history)' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('includePast') includePast?: string,
  ): Promise<MembershipDto[]> {
    return this.memberships.list(user, id, includePast === 'true');
  }

  @Policy('workingGroup.manageMembers')
  @Post()
  @ApiForbiddenResponse({ description: "Only coordinators and the group's co-chairs manage members." })
  @ApiConflictResponse({ description: 'CO_CHAIR_RULE: one co-chair based in Europe and one based in China.' })
  add(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: AddMemberDto): Promise<MembershipDto> {
    return this.memberships.add(user, id, body.personId, body.role);
  }

  @Policy('workingGroup.manageMembers')
  @Patch(':personId')
  changeRole(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MembershipDto> {
    return this.memberships.changeRole(user, id, personId, body.role);
  }

  @Policy('workingGroup.manageMembers')
  @Delete(':personId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
  ): Promise<void> {
    await this.memberships.remove(user, id, personId);
  }
}
