import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { MembershipDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import {
  CurrentAuthorisation,
  pageInMemory,
  Policy,
  sendPage,
  type Authorisation,
  type PolicyDeclaration,
} from '@roundtable/api-platform';
import type { Response } from 'express';
import { UuidParamPipe } from '../uuid-param.pipe';
import {
  AddMemberDto,
  ChangeMemberRoleDto,
  MemberListQueryDto,
  RemoveMemberDto,
  SetTermDto,
} from './dto/membership.dto';
import { MembershipsService, type Handover } from './memberships.service';

const MANAGE_MEMBERS: PolicyDeclaration = {
  action: 'workingGroup.manageMembers',
  resource: { type: 'workingGroup', param: 'id' },
  denied: "Only the project's coordinators and this group's co-chairs manage its members.",
};

const CO_CHAIR_RULE =
  'CO_CHAIR_RULE: one co-chair based in Europe and one based in China; a co-chair who steps down or leaves needs a successor from the same region (successorPersonId) or a vacancy confirmed by a coordinator (vacancyReason).';

@ApiTags('working-groups')
@Controller('working-groups/:id/members')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Policy({ read: { type: 'workingGroup', param: 'id' } })
  @Get()
  async list(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: MemberListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MembershipDto[]> {
    return sendPage(response, pageInMemory(await this.memberships.list(id, query.includePast === 'true'), query));
  }

  @Policy(MANAGE_MEMBERS)
  @Post()
  @ApiForbiddenResponse({ description: "Only coordinators and the group's co-chairs manage members." })
  @ApiConflictResponse({ description: CO_CHAIR_RULE })
  add(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AddMemberDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
  ): Promise<MembershipDto> {
    return this.memberships.add(id, body.personId, body.role, handover(body, user, authorisation));
  }

  @Policy(MANAGE_MEMBERS)
  @Patch(':personId')
  @ApiConflictResponse({ description: CO_CHAIR_RULE })
  changeRole(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Body() body: ChangeMemberRoleDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
  ): Promise<MembershipDto> {
    return this.memberships.change(
      id,
      personId,
      { role: body.role, leftOn: body.leftOn },
      handover(body, user, authorisation),
    );
  }

  @Policy({
    action: 'structure.manage',
    resource: { type: 'workingGroup', param: 'id' },
    denied: 'Only coordinators set the end of a term.',
  })
  @Put(':personId/term')
  @ApiForbiddenResponse({ description: 'Only coordinators set the end of a term.' })
  setTerm(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Body() body: SetTermDto,
  ): Promise<MembershipDto> {
    return this.memberships.setTerm(id, personId, body.termEndsOn ?? null);
  }

  @Policy(MANAGE_MEMBERS)
  @Delete(':personId')
  @HttpCode(204)
  @ApiConflictResponse({ description: CO_CHAIR_RULE })
  async remove(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Body() body: RemoveMemberDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
  ): Promise<void> {
    await this.memberships.remove(id, personId, handover(body ?? {}, user, authorisation));
  }
}

function handover(body: RemoveMemberDto, user: AuthenticatedUser, authorisation: Authorisation): Handover {
  return {
    successorPersonId: body.successorPersonId,
    vacancyReason: body.vacancyReason,
    confirmedByUserId: user.id,
    mayConfirmVacancy:
      authorisation.resource !== null &&
      can(authorisation.actor, 'workingGroup.confirmVacancy', authorisation.resource.ref),
  };
}
